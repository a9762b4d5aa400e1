package dev.lambdaguice.handlers.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import dev.lambdaguice.test.SharedEvents;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The echo function against event samples from outside the repo (opt-in, see {@link SharedEvents}). */
@Tag(SharedEvents.TAG)
@LambdaTest(modules = EchoHandlerModule.class)
class SharedEchoEventsTest {

  private static final String ECHO = EchoHandlerModule.KEY;

  @BeforeAll
  static void samplesAreThere() {
    SharedEvents.dir(); // fails the class at once when the folder is missing
  }

  @Test
  void echoesTheBodyOfTheApiGatewaySamples(LambdaClient lambda) {
    for (String file : List.of("aws-lambda-java-libs/apigw_rest_event.json", "aws-lambda-java-libs/apigw_http_event.json",
        "aws-lambda-go/apigw-request.json", "powertools-lambda-python/apiGatewayProxyV2Event.json")) {
      String event = SharedEvents.read(file);
      String body = JsonParser.parseString(event).getAsJsonObject().get("body").getAsString();
      assertEquals(body, lambda.invoke(ECHO, event).assertSuccess().bodyAs(String.class), file);
    }
  }

  @Test
  void theSnsSampleHasNoBodyAndGetsAClearError(LambdaClient lambda) {
    Invocation result =
        lambda.invoke(ECHO, SharedEvents.read("aws-lambda-go/sns-event.json")).assertError("Runtime.UserException");
    assertTrue(result.errorMessage().contains("no \"body\" field"), result.errorMessage());
  }
}
