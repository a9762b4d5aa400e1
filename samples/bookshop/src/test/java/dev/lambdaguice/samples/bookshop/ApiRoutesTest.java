package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code api} key's routes (lambda-handlers-http) with the real services, served by the real runtime from the
 * API Gateway event fixtures; each test with a fresh function (fresh stock and order ids).
 */
@LambdaTest(modules = BookshopModule.class)
class ApiRoutesTest {

  private static final String ORDER =
      "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 2}]}";

  private LambdaClient lambda;

  @BeforeEach
  void start(LambdaClient lambda) {
    this.lambda = lambda;
    lambda.restart();
  }

  private JsonObject call(HttpApiEvent event) {
    return call(event.json());
  }

  private JsonObject call(String event) {
    return lambda.invoke(BookshopModule.API_KEY, event).assertSuccess().json().getAsJsonObject();
  }

  private static int status(JsonObject response) {
    return response.get("statusCode").getAsInt();
  }

  private static JsonElement body(JsonObject response) {
    return JsonParser.parseString(response.get("body").getAsString());
  }

  private static String message(JsonObject response) {
    return body(response).getAsJsonObject().get("message").getAsString();
  }

  private static List<String> isbns(JsonObject response) {
    return body(response).getAsJsonArray().asList().stream()
        .map(book -> book.getAsJsonObject().get("isbn").getAsString()).toList();
  }

  @Test
  void searchesBooksFromEveryFixture() {
    for (String file : EventFixtures.HTTP_API) {
      JsonObject response = call(HttpApiEvent.of(file, "GET", "/books").query("author", "martin"));
      assertEquals(200, status(response), file);
      assertEquals(JsonParser.parseString("{\"content-type\":\"application/json\"}"), response.get("headers"));
      assertFalse(response.get("isBase64Encoded").getAsBoolean());
      assertEquals(List.of("9780132350884", "9780134757599", "9781449373320"), isbns(response), file);
    }
  }

  @Test
  void searchAnswersBooksAsJson() {
    JsonObject response = call(HttpApiEvent.of("GET", "/books").query("title", "effective"));
    assertEquals("[{\"isbn\":\"9780134685991\",\"title\":\"Effective Java\",\"author\":\"Joshua Bloch\","
        + "\"year\":2018,\"priceCents\":4499}]", response.get("body").getAsString());
  }

  @Test
  void searchCombinesFiltersAndLimits() {
    assertEquals(List.of("9780134685991", "9780321349606"),
        isbns(call(HttpApiEvent.of("GET", "/books/").query("title", "JAVA"))));
    assertEquals(List.of("9780321349606"),
        isbns(call(HttpApiEvent.of("GET", "/books").query("title", "java").query("author", "goetz"))));
    assertEquals(List.of("9780134685991", "9780321349606", "9780132350884"),
        isbns(call(HttpApiEvent.of("GET", "/books").query("limit", "3"))));
    assertEquals(List.of(), isbns(call(HttpApiEvent.of("GET", "/books").query("author", "nobody"))));
  }

  @Test
  void aBadLimitIs400() {
    JsonObject words = call(HttpApiEvent.of("GET", "/books").query("limit", "ten"));
    assertEquals(400, status(words));
    assertEquals("limit must be a whole number between 1 and 100", message(words));
    JsonObject zero = call(HttpApiEvent.of("GET", "/books").query("limit", "0"));
    assertEquals(400, status(zero));
    assertEquals("limit must be between 1 and 100, got 0", message(zero));
  }

  @Test
  void getsABookOr404() {
    JsonObject found = call(HttpApiEvent.of("GET", "/books/9780321349606"));
    assertEquals(200, status(found));
    assertEquals("Java Concurrency in Practice", body(found).getAsJsonObject().get("title").getAsString());
    JsonObject missing = call(HttpApiEvent.of("GET", "/books/9780000000000"));
    assertEquals(404, status(missing));
    assertEquals("{\"message\":\"No book with ISBN 9780000000000\"}", missing.get("body").getAsString());
  }

  @Test
  void aPercentEncodedPathSegmentIsDecoded() {
    JsonObject found = call(HttpApiEvent.of(EventFixtures.HTTP_ROUTE, "GET", "/books/978%30132350884"));
    assertEquals("Clean Code", body(found).getAsJsonObject().get("title").getAsString());
  }

  @Test
  void placesAnOrder201WithItsLocation() {
    JsonObject response = call(HttpApiEvent.of(EventFixtures.HTTP_ROUTE, "POST", "/orders").body(ORDER));
    assertEquals(201, status(response), response.toString());
    assertEquals(JsonParser.parseString("{\"content-type\":\"application/json\",\"location\":\"/orders/o-1\"}"),
        response.get("headers"));
    assertEquals("{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"lines\":[{\"isbn\":\"9780134685991\","
        + "\"title\":\"Effective Java\",\"quantity\":2,\"unitPriceCents\":4499}],\"totalCents\":8998}",
        response.get("body").getAsString());
  }

  @Test
  void readsABase64Body() {
    JsonObject response = call(HttpApiEvent.of(EventFixtures.HTTP_BASE64, "POST", "/orders").base64Body(ORDER));
    assertEquals(201, status(response), response.toString());
    JsonObject garbled = call(HttpApiEvent.of(EventFixtures.HTTP_BASE64, "POST", "/orders")
        .encodedBody("{\"customerId\": \"c-1\"}")); // JSON, not base64, yet marked base64
    assertEquals(400, status(garbled));
    assertEquals("The body is marked as base64 but is not valid base64", message(garbled));
  }

  @Test
  void placedOrdersCanBeFetched() {
    call(HttpApiEvent.of("POST", "/orders").body(ORDER));
    JsonObject found = call(HttpApiEvent.of("GET", "/orders/o-1"));
    assertEquals(200, status(found));
    assertEquals(8998, body(found).getAsJsonObject().get("totalCents").getAsLong());
    JsonObject missing = call(HttpApiEvent.of("GET", "/orders/o-2"));
    assertEquals(404, status(missing));
    assertEquals("No order with id o-2", message(missing));
  }

  @Test
  void aBadOrderIs400WithWhatIsWrongAndReservesNothing() {
    assertBadOrder("an order needs at least one line", "{\"customerId\": \"c-1\", \"lines\": []}");
    assertBadOrder("customerId is required", "{\"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 1}]}");
    assertBadOrder("line 1: quantity must be at least 1, got 0",
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 0}]}");
    assertBadOrder("No book with ISBN 123",
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"123\", \"quantity\": 1}]}");
    assertBadOrder("The body is not valid at $.lines[0].quantity: expected an int, got a number that does not fit"
        + " one",
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 1.5}]}");
    assertBadOrder("The body is not valid at $: expected an object, got an array", "[]");
    assertBadOrder("POST needs a JSON body here", null);
    JsonObject all = call(HttpApiEvent.of("POST", "/orders")
        .body("{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 10}]}"));
    assertEquals(201, status(all), "all 10 copies are still in stock: " + all);
  }

  private void assertBadOrder(String expected, String body) {
    HttpApiEvent event = HttpApiEvent.of("POST", "/orders");
    JsonObject response = call(body == null ? event : event.body(body));
    assertEquals(400, status(response), response.toString());
    assertEquals(expected, message(response));
    assertFalse(response.get("body").getAsString().contains("Exception"), "no exception or stack trace: " + response);
  }

  @Test
  void outOfStockIs409() {
    JsonObject response = call(HttpApiEvent.of("POST", "/orders")
        .body("{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9781449373320\", \"quantity\": 3}]}"));
    assertEquals(409, status(response));
    assertEquals("Not enough copies of 9781449373320 in stock: 3 requested, 2 available", message(response));
  }

  @Test
  void unknownPathsAre404() {
    for (String path : new String[] {"/", "/authors", "/books/9780134685991/reviews", "/orders/o-1/lines"}) {
      JsonObject response = call(HttpApiEvent.of("GET", path));
      assertEquals(404, status(response), path);
      assertEquals("No resource at " + path, message(response));
    }
  }

  @Test
  void theFixturesAsTheyAreAreAnswered() {
    assertEquals(List.of("9780132350884", "9780134757599"), isbns(call(Events.read(EventFixtures.HTTP_SEARCH))),
        "author=martin&limit=2");
    assertEquals("Clean Code", body(call(Events.read(EventFixtures.HTTP_ROUTE))).getAsJsonObject().get("title")
        .getAsString());
    JsonObject order = call(Events.read(EventFixtures.HTTP_BASE64));
    assertEquals(201, status(order), order.toString());
    assertEquals(2, body(order).getAsJsonObject().getAsJsonArray("lines").get(0).getAsJsonObject().get("quantity")
        .getAsInt(), "the base64 order for 2 copies was placed");
  }

  @Test
  void otherMethodsAre405WithAllow() {
    assertNotAllowed("POST", "/books", "GET");
    assertNotAllowed("DELETE", "/books/9780134685991", "GET");
    assertNotAllowed("GET", "/orders", "POST");
    assertNotAllowed("PUT", "/orders/o-1", "GET");
  }

  private void assertNotAllowed(String method, String path, String allowed) {
    JsonObject response = call(HttpApiEvent.of(method, path).body(ORDER));
    assertEquals(405, status(response), method + " " + path);
    assertEquals(allowed, response.getAsJsonObject("headers").get("allow").getAsString());
    assertEquals("Only " + allowed + " is allowed here", message(response));
  }

  @Test
  void aRestApiEventIsServedToo() {
    JsonObject response = call(Events.read(EventFixtures.REST));
    assertEquals(200, status(response), response.toString());
    assertTrue(response.has("headers") && !response.has("cookies"), "the REST API shape: " + response);
    assertFalse(isbns(response).isEmpty());
  }

  @Test
  void anEventThatIsNotHttpFailsTheInvocationNamingWhatIsMissing() {
    Invocation result = lambda.invoke(BookshopModule.API_KEY, Events.read(EventFixtures.SQS));
    result.assertError("Runtime.InvalidEvent");
    assertTrue(result.body().contains("\"errorType\":\"Runtime.InvalidEvent\""), result.body());
    assertTrue(result.errorMessage().startsWith("The event of handler 'api' is not an HTTP event"),
        result.errorMessage());
  }

  @Test
  void errorBodiesAreJsonObjectsWithOnlyAMessage() {
    JsonObject error = body(call(HttpApiEvent.of("GET", "/nowhere"))).getAsJsonObject();
    assertEquals(List.of("message"), List.copyOf(error.keySet()));
  }
}
