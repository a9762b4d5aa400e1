package dev.lambdaguice.http.client;

import dev.lambdaguice.runtime.guice.LambdaHook;
import jakarta.inject.Inject;
import okhttp3.OkHttpClient;

/**
 * SnapStart: drops the shared client's pooled connections, before the snapshot (a connection in a snapshot is
 * shared by every copy restored from it, and its peer has long closed it) and again after each restore.
 */
final class EvictConnections implements LambdaHook {

  private final OkHttpClient client;

  @Inject
  EvictConnections(OkHttpClient client) {
    this.client = client;
  }

  @Override
  public void run() {
    client.connectionPool().evictAll();
  }
}
