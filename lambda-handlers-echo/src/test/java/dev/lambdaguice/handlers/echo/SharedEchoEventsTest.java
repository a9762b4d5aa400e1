package dev.lambdaguice.handlers.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The echo function against event samples from outside the repo (opt-in, see {@link SharedEvents}). */
@Tag(SharedEvents.TAG)
class SharedEchoEventsTest {

  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws Exception {
    SharedEvents.dir(); // fails the class at once when the folder is missing
    lambda = LocalLambda.start();
    lambda.inProcess().modules(EchoHandlerModule.class).handler(EchoHandlerModule.KEY).start();
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
  }

  @Test
  void echoesTheBodyOfTheApiGatewaySamples() throws Exception {
    for (String file : List.of("aws-lambda-java-libs/apigw_rest_event.json", "aws-lambda-java-libs/apigw_http_event.json",
        "aws-lambda-go/apigw-request.json", "powertools-lambda-python/apiGatewayProxyV2Event.json")) {
      String event = SharedEvents.read(file);
      String body = JsonParser.parseString(event).getAsJsonObject().get("body").getAsString();
      InvokeResult result = lambda.invoke(event);
      assertFalse(result.error(), file + ": " + result.bodyAsString());
      assertEquals(body, JsonParser.parseString(result.bodyAsString()).getAsString(), file);
    }
  }

  @Test
  void theSnsSampleHasNoBodyAndGetsAClearError() throws Exception {
    InvokeResult result = lambda.invoke(SharedEvents.read("aws-lambda-go/sns-event.json"));
    assertTrue(result.error());
    assertEquals("Runtime.UserException", result.errorType());
    assertTrue(result.errorMessage().contains("no \"body\" field"), result.errorMessage());
  }
}
