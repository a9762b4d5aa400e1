package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.e2e.fixtures.E2eModule;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import dev.lambdaguice.test.SharedEvents;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The typed handler contract against event samples from outside the repo (opt-in, see {@link SharedEvents}). */
@Tag(SharedEvents.TAG)
@LambdaTest(modules = E2eModule.class)
class SharedApiGatewayEventsTest {

  @Test
  void recordsInAndOutFromTheApiGatewayRestSamples(LambdaClient lambda) {
    List<String> files = List.of("aws-lambda-java-libs/apigw_rest_event.json", "aws-sam-cli/AwsProxy.json",
        "powertools-lambda-python/apiGatewayProxyEvent.json");
    List<String> events = files.stream().map(SharedEvents::read).toList(); // fails first when the folder is missing
    for (int i = 0; i < files.size(); i++) {
      Invocation result = lambda.invoke("route", events.get(i));
      JsonObject route = result.assertSuccess().json().getAsJsonObject();
      JsonObject source = JsonParser.parseString(events.get(i)).getAsJsonObject();
      assertEquals(source.get("httpMethod").getAsString(), route.get("method").getAsString(), files.get(i));
      assertEquals(source.get("path").getAsString(), route.get("path").getAsString(), files.get(i));
      assertEquals(source.get("body").getAsString().length(), route.get("bodyLength").getAsInt(), files.get(i));
      assertTrue(result.contentType().startsWith("application/json"), result.contentType());
    }
  }
}
