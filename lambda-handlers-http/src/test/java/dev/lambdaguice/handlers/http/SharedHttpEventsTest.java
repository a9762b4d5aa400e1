package dev.lambdaguice.handlers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import dev.lambdaguice.test.SharedEvents;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * API Gateway samples from outside the repo (opt-in, {@link SharedEvents}), pointed at {@code GET /books}: each is
 * read as its source and answered in that source's shape.
 */
@Tag(SharedEvents.TAG)
@LambdaTest(modules = ShopModule.class)
class SharedHttpEventsTest {

  private static final List<String> REST = List.of("aws-lambda-go/apigw-request.json",
      "aws-lambda-java-libs/apigw_rest_event.json", "aws-sam-cli/AwsProxy.json",
      "powertools-lambda-python/apiGatewayProxyEvent.json");
  private static final List<String> HTTP_API = List.of("aws-lambda-go/apigw-v2-request-no-authorizer.json",
      "aws-lambda-java-libs/apigw_http_event.json", "aws-sam-cli/HttpApi.json",
      "powertools-lambda-python/apiGatewayProxyV2Event.json");

  @BeforeAll
  static void folder() {
    SharedEvents.dir(); // fails the class at once when the folder is missing
  }

  private static JsonObject call(LambdaClient lambda, JsonObject event) {
    return lambda.invoke(ShopModule.KEY, event).assertSuccess().json().getAsJsonObject();
  }

  @Test
  void everyRestSampleIsARestApiRequest(LambdaClient lambda) {
    for (String file : REST) {
      JsonObject event = JsonParser.parseString(SharedEvents.read(file)).getAsJsonObject();
      event.addProperty("httpMethod", "GET");
      event.addProperty("path", "/books");
      event.remove("body");
      JsonObject seen = JsonParser.parseString(call(lambda, event).get("body").getAsString()).getAsJsonObject();
      assertEquals("REST_API", seen.get("source").getAsString(), file);
      assertEquals("/books", seen.get("path").getAsString(), file);
    }
  }

  @Test
  void everyHttpApiSampleIsAnHttpApiRequest(LambdaClient lambda) {
    for (String file : HTTP_API) {
      JsonObject event = JsonParser.parseString(SharedEvents.read(file)).getAsJsonObject();
      JsonObject context = event.getAsJsonObject("requestContext");
      context.getAsJsonObject("http").addProperty("method", "GET");
      context.addProperty("stage", "$default");
      event.addProperty("rawPath", "/books");
      event.remove("body");
      event.getAsJsonObject("headers").remove("accept");
      JsonObject response = call(lambda, event);
      JsonObject seen = JsonParser.parseString(response.get("body").getAsString()).getAsJsonObject();
      assertEquals("HTTP_API", seen.get("source").getAsString(), file + ": " + response);
      assertEquals("/books", seen.get("path").getAsString(), file);
    }
  }
}
