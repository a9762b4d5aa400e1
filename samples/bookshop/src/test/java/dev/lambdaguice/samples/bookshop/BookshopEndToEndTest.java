package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
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
 * Every key of {@link BookshopModule}, served by the real runtime loop in-process over real HTTP from
 * lambda-runtime-local, each test with a fresh function (fresh stock and order ids).
 */
@LambdaTest(modules = BookshopModule.class)
class BookshopEndToEndTest {

  private static final String EFFECTIVE_JAVA = "9780134685991";
  private static final String DDIA = "9781449373320"; // 2 in stock
  private static final String DDD = "9780321125217"; // sold out

  private LambdaClient lambda;
  private String key;

  @BeforeEach
  void start(LambdaClient lambda) {
    this.lambda = lambda;
    lambda.restart();
  }

  private void serve(String key) {
    this.key = key;
  }

  private Invocation invoke(String event) {
    return lambda.invoke(key, event);
  }

  private static JsonObject object(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  private static String order(String isbn, int quantity) {
    return "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"" + isbn + "\", \"quantity\": " + quantity + "}]}";
  }

  private static String placeCall(String isbn, int quantity) {
    return "{\"serviceName\": \"orders\", \"function\": \"place\", \"args\": [" + order(isbn, quantity) + "]}";
  }

  /** The API Gateway response of a successful api invocation. */
  private JsonObject api(HttpApiEvent event) throws Exception {
    Invocation result = invoke(event.json());
    assertFalse(result.error(), result.body());
    return object(result.body());
  }

  private static JsonElement apiBody(JsonObject response) {
    return JsonParser.parseString(response.get("body").getAsString());
  }

  @Test
  void apiSearchesBooks() throws Exception {
    serve("api");
    JsonObject response = api(HttpApiEvent.of("GET", "/books").query("author", "martin").query("limit", "2"));
    assertEquals(200, response.get("statusCode").getAsInt());
    assertEquals("application/json", response.getAsJsonObject("headers").get("content-type").getAsString());
    assertFalse(response.get("isBase64Encoded").getAsBoolean());
    JsonArray books = apiBody(response).getAsJsonArray();
    assertEquals(List.of("Clean Code", "Refactoring"),
        books.asList().stream().map(b -> b.getAsJsonObject().get("title").getAsString()).toList());
  }

  @Test
  void apiAnswers404ForAMissingBook() throws Exception {
    serve("api");
    JsonObject response = api(HttpApiEvent.of(EventFixtures.HTTP_ROUTE, "GET", "/books/9780000000000"));
    assertEquals(404, response.get("statusCode").getAsInt());
    assertEquals("No book with ISBN 9780000000000", apiBody(response).getAsJsonObject().get("message").getAsString());
  }

  @Test
  void apiPlacesAnOrder201() throws Exception {
    serve("api");
    JsonObject response = api(HttpApiEvent.of(EventFixtures.HTTP_ROUTE, "POST", "/orders").body(order(EFFECTIVE_JAVA, 3)));
    assertEquals(201, response.get("statusCode").getAsInt(), response.toString());
    assertEquals("/orders/o-1", response.getAsJsonObject("headers").get("location").getAsString());
    JsonObject confirmation = apiBody(response).getAsJsonObject();
    assertEquals("o-1", confirmation.get("orderId").getAsString());
    assertEquals(3 * 4499, confirmation.get("totalCents").getAsLong());
    JsonObject fetched = api(HttpApiEvent.of("GET", "/orders/o-1"));
    assertEquals(confirmation, apiBody(fetched), "the order is kept across invocations");
  }

  @Test
  void apiAnswers409WhenOutOfStock() throws Exception {
    serve("api");
    assertEquals(201, api(HttpApiEvent.of("POST", "/orders").body(order(DDIA, 2))).get("statusCode").getAsInt());
    JsonObject response = api(HttpApiEvent.of("POST", "/orders").body(order(DDIA, 1)));
    assertEquals(409, response.get("statusCode").getAsInt());
    assertEquals("Not enough copies of 9781449373320 in stock: 1 requested, 0 available",
        apiBody(response).getAsJsonObject().get("message").getAsString());
  }

  @Test
  void apiAnswers400ForABadOrder() throws Exception {
    serve("api");
    JsonObject response = api(HttpApiEvent.of(EventFixtures.HTTP_BASE64, "POST", "/orders")
        .base64Body("{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"" + EFFECTIVE_JAVA + "\", \"quantity\": 0}]}"));
    assertEquals(400, response.get("statusCode").getAsInt());
    assertEquals("{\"message\":\"line 1: quantity must be at least 1, got 0\"}", response.get("body").getAsString());
  }

  @Test
  void apiFailsTheInvocationForAnEventOfAnotherKind() throws Exception {
    serve("api");
    Invocation result = invoke(Events.read(EventFixtures.SQS));
    assertTrue(result.error());
    assertEquals("Runtime.InvalidEvent", result.errorType());
    assertEquals("Runtime.InvalidEvent", object(result.body()).get("errorType").getAsString());
  }

  @Test
  void serviceCallSearchesTheCatalog() throws Exception {
    serve("service-call");
    Invocation result = invoke("{\"serviceName\": \"catalog\", \"function\": \"search\", \"args\": "
        + "[{\"title\": \"java\"}]}");
    assertFalse(result.error(), result.body());
    assertEquals("[{\"isbn\":\"9780134685991\",\"title\":\"Effective Java\",\"author\":\"Joshua Bloch\",\"year\":2018,"
        + "\"priceCents\":4499},{\"isbn\":\"9780321349606\",\"title\":\"Java Concurrency in Practice\",\"author\":"
        + "\"Brian Goetz\",\"year\":2006,\"priceCents\":5499}]", result.body());
  }

  @Test
  void serviceCallPlacesAnOrderByTheServicesTypeNameToo() throws Exception {
    serve("service-call");
    Invocation result = invoke(placeCall(EFFECTIVE_JAVA, 2));
    assertFalse(result.error(), result.body());
    assertEquals("{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"lines\":[{\"isbn\":\"9780134685991\",\"title\":"
        + "\"Effective Java\",\"quantity\":2,\"unitPriceCents\":4499}],\"totalCents\":8998}", result.body());
    Invocation byName = invoke("{\"serviceName\": \"" + OrderService.class.getName() + "\", \"function\": \"get\","
        + " \"args\": [\"o-1\"]}");
    assertEquals(result.body(), byName.body());
  }

  @Test
  void serviceCallReportsOutOfStockAsTheDomainException() throws Exception {
    serve("service-call");
    Invocation result = invoke(placeCall(DDD, 1));
    assertTrue(result.error());
    assertEquals("Runtime.UserException", result.errorType());
    JsonObject error = object(result.body());
    assertEquals(OutOfStockException.class.getName(), error.get("errorType").getAsString());
    assertEquals("Not enough copies of 9780321125217 in stock: 1 requested, 0 available",
        error.get("errorMessage").getAsString());
  }

  @Test
  void sqsServiceCallListsExactlyTheFailedMessage() throws Exception {
    serve("sqs-service-call");
    JsonObject event = EventFixtures.json(EventFixtures.SQS);
    JsonArray records = event.getAsJsonArray("Records");
    records.get(0).getAsJsonObject().addProperty("body", placeCall(DDIA, 1));
    records.get(1).getAsJsonObject().addProperty("body", placeCall(DDD, 1));
    records.get(2).getAsJsonObject().addProperty("body", placeCall(EFFECTIVE_JAVA, 1));
    Invocation result = invoke(event.toString());
    assertFalse(result.error(), result.body());
    String failed = records.get(1).getAsJsonObject().get("messageId").getAsString();
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + failed + "\"}]}", result.body());

    // the first record took one of the two copies: a second batch asking for two fails, for one succeeds
    records.get(0).getAsJsonObject().addProperty("body", placeCall(DDIA, 2));
    records.get(1).getAsJsonObject().addProperty("body", placeCall(DDIA, 1));
    records.get(2).getAsJsonObject().addProperty("body", placeCall(DDIA, 1));
    String first = records.get(0).getAsJsonObject().get("messageId").getAsString();
    String last = records.get(2).getAsJsonObject().get("messageId").getAsString();
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + first + "\"},{\"itemIdentifier\":\"" + last
        + "\"}]}", invoke(event.toString()).body());
  }

  @Test
  void echoAnswersTheBody() throws Exception {
    serve("echo");
    Invocation result = invoke("{\"body\": \"hello bookshop\"}");
    assertFalse(result.error(), result.body());
    assertEquals("\"hello bookshop\"", result.body());
  }
}
