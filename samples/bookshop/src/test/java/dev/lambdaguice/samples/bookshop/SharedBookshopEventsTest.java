package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import dev.lambdaguice.test.SharedEvents;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The {@code api} key against event samples from outside the repo (opt-in, see {@link SharedEvents}). */
@Tag(SharedEvents.TAG)
@LambdaTest(modules = BookshopModule.class)
class SharedBookshopEventsTest {

  /** The API Gateway HTTP API (payload format 2.0) samples; the sam-cli one is a template. */
  private static final List<String> HTTP_API = List.of("aws-lambda-go/apigw-v2-request-no-authorizer.json",
      "powertools-lambda-python/apiGatewayProxyV2Event.json", "aws-sam-cli/HttpApi.json",
      "aws-lambda-java-libs/apigw_http_event.json");

  @BeforeAll
  static void folder() {
    SharedEvents.dir(); // fails the class at once when the folder is missing
  }

  private static JsonObject call(LambdaClient lambda, String event) {
    return lambda.invoke(BookshopModule.API_KEY, event).assertSuccess().json().getAsJsonObject();
  }

  @Test
  void searchesBooksFromEverySample(LambdaClient lambda) {
    for (String file : HTTP_API) {
      JsonObject event = JsonParser.parseString(SharedEvents.read(file)).getAsJsonObject();
      JsonObject context = event.getAsJsonObject("requestContext");
      context.getAsJsonObject("http").addProperty("method", "GET");
      context.addProperty("stage", "$default");
      event.addProperty("rawPath", "/books");
      event.addProperty("rawQueryString", "author=martin");
      event.remove("pathParameters");
      event.remove("body");
      event.addProperty("isBase64Encoded", false);
      JsonObject response = call(lambda, event.toString());
      assertEquals(200, response.get("statusCode").getAsInt(), file + ": " + response);
      assertEquals(List.of("9780132350884", "9780134757599", "9781449373320"),
          JsonParser.parseString(response.get("body").getAsString()).getAsJsonArray().asList().stream()
              .map(book -> book.getAsJsonObject().get("isbn").getAsString()).toList(), file);
    }
  }

  @Test
  void theSamplesAsTheyAreAre404(LambdaClient lambda) {
    for (String file : HTTP_API) {
      if (file.startsWith("aws-sam-cli")) {
        continue; // a template: its method is "{{{method}}}"
      }
      JsonObject response = call(lambda, SharedEvents.read(file));
      assertTrue(response.get("statusCode").getAsInt() / 100 == 4, file + ": " + response);
    }
  }

  @Test
  void theRestSampleIsAnsweredInTheRestShape(LambdaClient lambda) {
    JsonObject response = call(lambda, SharedEvents.read("aws-lambda-java-libs/apigw_rest_event.json"));
    assertTrue(response.get("statusCode").getAsInt() / 100 == 4, response.toString());
    assertTrue(response.has("headers") && !response.has("cookies"), response.toString());
  }
}
