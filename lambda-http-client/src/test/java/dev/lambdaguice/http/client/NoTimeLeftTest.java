package dev.lambdaguice.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

@LambdaTest(modules = NoTimeLeftModule.class, timeoutSeconds = 3)
class NoTimeLeftTest {

  @Test
  void aCallWithNoTimeLeftIsNotStarted(LambdaClient lambda) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      String event = "{\"url\":\"" + server.url("/quote?key=secret") + "\",\"mode\":\"catch\"}";
      JsonObject answer = lambda.invoke("fetch", event).assertSuccess().bodyAs(JsonObject.class);
      String message = answer.get("deadline").getAsString();
      assertTrue(message.startsWith("No time left for GET http://" + server.getHostName() + ":" + server.getPort()
          + "/quote: invocation "), message);
      assertTrue(message.endsWith(" ms before its deadline, and calls must end 600000 ms before it"), message);
      assertEquals(0, server.getRequestCount(), "nothing was sent");
    }
  }
}
