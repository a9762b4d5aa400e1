package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The example events this sample ships under {@code META-INF/lambda-guice/examples/}, which {@code LocalMain}'s
 * start-up hint sends: each succeeds against the bookshop's own services and gives what it asks for.
 */
@LambdaTest(modules = BookshopModule.class)
class ExampleEventsTest {

  @Test
  void apiSearchesTheBooksOfTheAuthorInTheQuery(LambdaClient lambda) throws IOException {
    String example = example("api");
    JsonObject event = JsonParser.parseString(example).getAsJsonObject();
    String author = event.getAsJsonObject("queryStringParameters").get("author").getAsString();

    JsonObject response = lambda.invoke("api", example).assertSuccess().json().getAsJsonObject();

    assertEquals(200, response.get("statusCode").getAsInt(), response.toString());
    JsonArray books = JsonParser.parseString(response.get("body").getAsString()).getAsJsonArray();
    assertFalse(books.isEmpty(), response.toString());
    for (JsonElement book : books) {
      assertTrue(lowerCase(book, "author").contains(lowerCase(author)), book.toString());
    }
  }

  @Test
  void serviceCallSearchesTheCatalogForTheTitleInTheArguments(LambdaClient lambda) throws IOException {
    String example = example("service-call");
    JsonObject call = JsonParser.parseString(example).getAsJsonObject();
    String title = call.getAsJsonArray("args").get(0).getAsJsonObject().get("title").getAsString();

    JsonArray books = lambda.invoke("service-call", example).assertSuccess().json().getAsJsonArray();

    assertFalse(books.isEmpty());
    for (JsonElement book : books) {
      assertTrue(lowerCase(book, "title").contains(lowerCase(title)), book.toString());
    }
  }

  @Test
  void sqsServiceCallSucceedsForEveryRecord(LambdaClient lambda) throws IOException {
    String example = example("sqs-service-call");
    assertFalse(JsonParser.parseString(example).getAsJsonObject().getAsJsonArray("Records").isEmpty());

    assertEquals("{\"batchItemFailures\":[]}", lambda.invoke("sqs-service-call", example).assertSuccess().body());
  }

  @Test
  void stockArrivalsAddsTheDeliveredCopiesToTheStock(LambdaClient lambda) throws IOException {
    assertEquals("null", lambda.invoke("stock-arrivals", example("stock-arrivals")).assertSuccess().body());
    // each key is its own function, as on Lambda; the arrival is seen in the stock-arrivals function's own stock
    assertTrue(lambda.invoke("stock-arrivals", example("stock-arrivals")).assertSuccess()
        .logged("Restocked 5 copies of 9780321125217 (notification n-1): 10 in stock"));
  }

  @Test
  void stockExportStreamsEveryBookAfterTheFunctionUrlPrelude(LambdaClient lambda) throws IOException {
    String body = lambda.invoke("stock-export", example("stock-export")).assertSuccess().body();
    assertTrue(body.startsWith("{\"statusCode\":200,"), body);
    String lines = body.substring(body.indexOf("\0\0\0\0\0\0\0\0") + 8);
    assertEquals(SeedData.BOOKS.size(), lines.split("\n").length, lines);
  }

  /** The example event this sample ships for {@code key}. */
  private static String example(String key) throws IOException {
    String resource = "META-INF/lambda-guice/examples/" + key + ".json";
    try (InputStream in = ExampleEventsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "no " + resource + " on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String lowerCase(JsonElement book, String field) {
    return lowerCase(book.getAsJsonObject().get(field).getAsString());
  }

  private static String lowerCase(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
