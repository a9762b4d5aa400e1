package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does, on a daemon thread and while the injector is being created, one-time work the first invocation would
 * otherwise wait for: loading Gson's built-in adapters.
 * Nothing here calls the platform or touches the application's objects; a failure only costs the time saved.
 */
final class WarmUp {

  private WarmUp() {}

  static void start(RuntimeApiClient client, Logger log) {
    Thread thread = new Thread(() -> {
      try {
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        gson.toJson(gson.fromJson("{\"a\":[1,true,\"s\",null]}", Map.class));
      } catch (RuntimeException | LinkageError e) {
        log.log(Level.FINE, "Warm-up failed (only start-up time is lost)", e);
      }
    }, "lambda-runtime-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
