package dev.lambdaguice.runtime.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer standing in for the Runtime API, and a {@link RuntimeApiClient} on it, fresh for each test.
 *
 * <p>Registered as {@code @RegisterExtension final MockPlatform platform = new MockPlatform();}, it starts the
 * server before each test and sets the test's (non-final, package-private) {@code MockWebServer} and
 * {@code RuntimeApiClient} fields to the server and a client on it; after the test it closes both. The server
 * fails fast: a request no answer was enqueued for gets a 404 at once instead of blocking.
 */
final class MockPlatform implements BeforeEachCallback, AfterEachCallback {

  private final MockWebServer server = new MockWebServer();
  private RuntimeApiClient client;

  MockPlatform() {
    ((QueueDispatcher) server.getDispatcher()).setFailFast(true);
  }

  /** A platform whose server accepts its connections through {@code sockets}. */
  MockPlatform(ServerSocketFactory sockets) {
    this();
    server.setServerSocketFactory(sockets);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server.start();
    client = new RuntimeApiClient(server.getHostName() + ":" + server.getPort());
    Object test = context.getRequiredTestInstance();
    for (Field field : test.getClass().getDeclaredFields()) {
      if (Modifier.isFinal(field.getModifiers()) || Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      if (field.getType() == MockWebServer.class) {
        field.set(test, server);
      } else if (field.getType() == RuntimeApiClient.class) {
        field.set(test, client);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      server.close();
    }
  }
}
