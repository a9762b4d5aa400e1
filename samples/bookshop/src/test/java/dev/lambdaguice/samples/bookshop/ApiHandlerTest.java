package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ApiHandler}'s routes, with the real services and the API Gateway HTTP API event fixtures. */
class ApiHandlerTest {

  private static final String ORDER =
      "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 2}]}";

  /** The runtime's default Gson. */
  private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
  private final Inventory inventory = new Inventory();
  private final ApiHandler handler = new ApiHandler(new InMemoryCatalogService(),
      new InMemoryOrderService(new InMemoryCatalogService(), inventory), gson);

  private HttpApiResponse call(HttpApiEvent event) {
    return handler.handle(gson.fromJson(event.json(), HttpApiRequest.class), null);
  }

  private static JsonElement body(HttpApiResponse response) {
    return JsonParser.parseString(response.body());
  }

  private static String message(HttpApiResponse response) {
    return body(response).getAsJsonObject().get("message").getAsString();
  }

  private static List<String> isbns(HttpApiResponse response) {
    return body(response).getAsJsonArray().asList().stream()
        .map(book -> book.getAsJsonObject().get("isbn").getAsString()).toList();
  }

  @Test
  void searchesBooksFromEveryFixture() {
    for (String file : EventFixtures.HTTP_API) {
      HttpApiResponse response = call(HttpApiEvent.of(file, "GET", "/books").query("author", "martin"));
      assertEquals(200, response.statusCode(), file);
      assertEquals(Map.of("content-type", "application/json"), response.headers());
      assertFalse(response.isBase64Encoded());
      assertEquals(List.of("9780132350884", "9780134757599", "9781449373320"), isbns(response), file);
    }
  }

  @Test
  void searchAnswersBooksAsJson() {
    HttpApiResponse response = call(HttpApiEvent.of("GET", "/books").query("title", "effective"));
    assertEquals("[{\"isbn\":\"9780134685991\",\"title\":\"Effective Java\",\"author\":\"Joshua Bloch\","
        + "\"year\":2018,\"priceCents\":4499}]", response.body());
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
    HttpApiResponse words = call(HttpApiEvent.of("GET", "/books").query("limit", "ten"));
    assertEquals(400, words.statusCode());
    assertEquals("limit must be a whole number between 1 and 100", message(words));
    HttpApiResponse zero = call(HttpApiEvent.of("GET", "/books").query("limit", "0"));
    assertEquals(400, zero.statusCode());
    assertEquals("limit must be between 1 and 100, got 0", message(zero));
  }

  @Test
  void getsABookOr404() {
    HttpApiResponse found = call(HttpApiEvent.of("GET", "/books/9780321349606"));
    assertEquals(200, found.statusCode());
    assertEquals("Java Concurrency in Practice", body(found).getAsJsonObject().get("title").getAsString());
    HttpApiResponse missing = call(HttpApiEvent.of("GET", "/books/9780000000000"));
    assertEquals(404, missing.statusCode());
    assertEquals("{\"message\":\"No book with ISBN 9780000000000\"}", missing.body());
  }

  @Test
  void anExplicitRoutesPathParameterNamesTheBook() {
    HttpApiResponse found = call(HttpApiEvent.of(EventFixtures.HTTP_ROUTE, "GET", "/books/9780321349606")
        .pathParameter("isbn", "9780132350884"));
    assertEquals("Clean Code", body(found).getAsJsonObject().get("title").getAsString());
  }

  @Test
  void placesAnOrder201WithItsLocation() {
    HttpApiResponse response = call(HttpApiEvent.of(EventFixtures.HTTP_ROUTE, "POST", "/orders").body(ORDER));
    assertEquals(201, response.statusCode(), response.body());
    assertEquals(Map.of("content-type", "application/json", "location", "/orders/o-1"), response.headers());
    assertEquals("{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"lines\":[{\"isbn\":\"9780134685991\","
        + "\"title\":\"Effective Java\",\"quantity\":2,\"unitPriceCents\":4499}],\"totalCents\":8998}",
        response.body());
    assertEquals(8, inventory.available("9780134685991"));
  }

  @Test
  void readsABase64Body() {
    HttpApiResponse response = call(HttpApiEvent.of(EventFixtures.HTTP_BASE64, "POST", "/orders").base64Body(ORDER));
    assertEquals(201, response.statusCode(), response.body());
    HttpApiResponse garbled = call(HttpApiEvent.of(EventFixtures.HTTP_BASE64, "POST", "/orders")
        .encodedBody("{\"customerId\": \"c-1\"}")); // JSON, not base64, yet marked base64
    assertEquals(400, garbled.statusCode());
    assertEquals("The body is marked as base64 but is not valid base64", message(garbled));
  }

  @Test
  void placedOrdersCanBeFetched() {
    call(HttpApiEvent.of("POST", "/orders").body(ORDER));
    HttpApiResponse found = call(HttpApiEvent.of("GET", "/orders/o-1"));
    assertEquals(200, found.statusCode());
    assertEquals(8998, body(found).getAsJsonObject().get("totalCents").getAsLong());
    HttpApiResponse missing = call(HttpApiEvent.of("GET", "/orders/o-2"));
    assertEquals(404, missing.statusCode());
    assertEquals("No order with id o-2", message(missing));
  }

  @Test
  void aBadOrderIs400WithWhatIsWrong() {
    assertBadOrder("an order needs at least one line", "{\"customerId\": \"c-1\", \"lines\": []}");
    assertBadOrder("customerId is required", "{\"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 1}]}");
    assertBadOrder("line 1: quantity must be at least 1, got 0",
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 0}]}");
    assertBadOrder("No book with ISBN 123",
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"123\", \"quantity\": 1}]}");
    assertBadOrder("The body is not a JSON order (at $.lines[0].quantity); send one like {\"customerId\": \"c-1\","
        + " \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 1}]}",
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 1.5}]}");
    assertBadOrder("The body is not a JSON order (at $); send one like {\"customerId\": \"c-1\", \"lines\":"
        + " [{\"isbn\": \"9780134685991\", \"quantity\": 1}]}", "[]");
    assertBadOrder("POST /orders needs a JSON body, like {\"customerId\": \"c-1\", \"lines\": [{\"isbn\":"
        + " \"9780134685991\", \"quantity\": 1}]}", null);
    assertEquals(10, inventory.available("9780134685991"));
  }

  private void assertBadOrder(String expected, String body) {
    HttpApiEvent event = HttpApiEvent.of("POST", "/orders");
    HttpApiResponse response = call(body == null ? event : event.body(body));
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(expected, message(response));
    assertFalse(response.body().contains("Exception"), "no exception or stack trace: " + response.body());
  }

  @Test
  void outOfStockIs409() {
    HttpApiResponse response = call(HttpApiEvent.of("POST", "/orders")
        .body("{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9781449373320\", \"quantity\": 3}]}"));
    assertEquals(409, response.statusCode());
    assertEquals("Not enough copies of 9781449373320 in stock: 3 requested, 2 available", message(response));
  }

  @Test
  void unknownPathsAre404() {
    for (String path : new String[] {"/", "/authors", "/books/9780134685991/reviews", "/orders/o-1/lines"}) {
      HttpApiResponse response = call(HttpApiEvent.of("GET", path));
      assertEquals(404, response.statusCode(), path);
      assertEquals("No resource at " + path, message(response));
    }
  }

  @Test
  void everyFieldTheHandlerReadsIsReadFromTheFixtures() {
    HttpApiRequest search = gson.fromJson(Events.read(EventFixtures.HTTP_SEARCH), HttpApiRequest.class);
    assertEquals(new HttpApiRequest("/books", new HttpApiRequest.RequestContext(new HttpApiRequest.Http("GET")), null,
        Map.of("author", "martin", "limit", "2", "format", "paperback,ebook"), null, false), search);
    HttpApiRequest route = gson.fromJson(Events.read(EventFixtures.HTTP_ROUTE), HttpApiRequest.class);
    assertEquals(new HttpApiRequest("/books/9780132350884",
        new HttpApiRequest.RequestContext(new HttpApiRequest.Http("GET")), Map.of("isbn", "9780132350884"), null, null,
        false), route);
    HttpApiRequest upload = gson.fromJson(Events.read(EventFixtures.HTTP_BASE64), HttpApiRequest.class);
    assertEquals("POST", upload.method());
    assertEquals("/orders", upload.rawPath());
    assertTrue(upload.isBase64Encoded());
    assertEquals(ORDER, upload.bodyText());
  }

  @Test
  void theFixturesAsTheyAreAreAnswered() {
    HttpApiResponse search = handler.handle(gson.fromJson(Events.read(EventFixtures.HTTP_SEARCH),
        HttpApiRequest.class), null);
    assertEquals(List.of("9780132350884", "9780134757599"), isbns(search), "author=martin&limit=2");
    HttpApiResponse book = handler.handle(gson.fromJson(Events.read(EventFixtures.HTTP_ROUTE),
        HttpApiRequest.class), null);
    assertEquals("Clean Code", body(book).getAsJsonObject().get("title").getAsString());
    HttpApiResponse order = handler.handle(gson.fromJson(Events.read(EventFixtures.HTTP_BASE64),
        HttpApiRequest.class), null);
    assertEquals(201, order.statusCode(), order.body());
    assertEquals(8, inventory.available("9780134685991"), "the base64 order for 2 copies was placed");
  }

  @Test
  void otherMethodsAre405WithAllow() {
    assertNotAllowed("POST", "/books", "GET");
    assertNotAllowed("DELETE", "/books/9780134685991", "GET");
    assertNotAllowed("GET", "/orders", "POST");
    assertNotAllowed("PUT", "/orders/o-1", "GET");
  }

  private void assertNotAllowed(String method, String path, String allowed) {
    HttpApiResponse response = call(HttpApiEvent.of(method, path).body(ORDER));
    assertEquals(405, response.statusCode(), method + " " + path);
    assertEquals(allowed, response.headers().get("allow"));
    assertEquals("Only " + allowed + " is allowed here", message(response));
  }

  @Test
  void anEventThatIsNotAnHttpApiEventPropagates() {
    HttpApiRequest restEvent =
        gson.fromJson(Events.read(EventFixtures.REST), HttpApiRequest.class);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> handler.handle(restEvent, null));
    assertTrue(e.getMessage().contains("payload format 2.0"), e.getMessage());
  }

  @Test
  void errorBodiesAreJsonObjectsWithOnlyAMessage() {
    JsonObject error = body(call(HttpApiEvent.of("GET", "/nowhere"))).getAsJsonObject();
    assertEquals(List.of("message"), List.copyOf(error.keySet()));
  }
}
