package dev.lambdaguice.test;

import com.google.gson.JsonElement;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.logging.Logger;

/** Answers at once and logs a line half a second later, from a thread of its own. */
final class LaterHandler implements LambdaHandler<JsonElement, String> {

  private static final Logger LOG = Logger.getLogger(LaterHandler.class.getName());

  @Override
  public String handle(JsonElement event, LambdaContext context) {
    Thread later = new Thread(() -> {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      LOG.info("logged after the answer");
    }, "later");
    later.setDaemon(true);
    later.start();
    return "answered";
  }
}
