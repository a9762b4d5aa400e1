package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.SharedEvents;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ApiHandler} against event samples from outside the repo (opt-in, see {@link SharedEvents}). */
@Tag(SharedEvents.TAG)
class SharedBookshopEventsTest {

  /** The API Gateway HTTP API (payload format 2.0) samples; the sam-cli one is a template. */
  private static final List<String> HTTP_API = List.of("aws-lambda-go/apigw-v2-request-no-authorizer.json",
      "powertools-lambda-python/apiGatewayProxyV2Event.json", "aws-sam-cli/HttpApi.json",
      "aws-lambda-java-libs/apigw_http_event.json");

  private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
  private final ApiHandler handler = new ApiHandler(new InMemoryCatalogService(),
      new InMemoryOrderService(new InMemoryCatalogService(), new Inventory()), gson);

  @BeforeAll
  static void folder() {
    SharedEvents.dir(); // fails the class at once when the folder is missing
  }

  @Test
  void searchesBooksFromEverySample() {
    for (String file : HTTP_API) {
      JsonObject event = JsonParser.parseString(SharedEvents.read(file)).getAsJsonObject();
      event.getAsJsonObject("requestContext").getAsJsonObject("http").addProperty("method", "GET");
      event.addProperty("rawPath", "/books");
      event.add("queryStringParameters", JsonParser.parseString("{\"author\": \"martin\"}"));
      event.remove("pathParameters");
      HttpApiResponse response = handler.handle(gson.fromJson(event, HttpApiRequest.class), null);
      assertEquals(200, response.statusCode(), file);
      assertEquals(List.of("9780132350884", "9780134757599", "9781449373320"),
          JsonParser.parseString(response.body()).getAsJsonArray().asList().stream()
              .map(book -> book.getAsJsonObject().get("isbn").getAsString()).toList(), file);
    }
  }

  @Test
  void theSamplesAsTheyAreAre404() {
    for (String file : HTTP_API) {
      if (file.startsWith("aws-sam-cli")) {
        continue; // a template: its method is "{{{method}}}"
      }
      HttpApiResponse response = handler.handle(gson.fromJson(SharedEvents.read(file), HttpApiRequest.class), null);
      assertEquals(404, response.statusCode(), file);
    }
  }

  @Test
  void theRestSampleIsNotAnHttpApiEvent() {
    HttpApiRequest rest = gson.fromJson(SharedEvents.read("aws-lambda-java-libs/apigw_rest_event.json"),
        HttpApiRequest.class);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> handler.handle(rest, null));
    assertTrue(e.getMessage().contains("payload format 2.0"), e.getMessage());
  }
}
