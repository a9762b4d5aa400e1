package dev.lambdaguice.handlers.http;

import static dev.lambdaguice.handlers.http.HttpSourcesEndToEndTest.body;
import static dev.lambdaguice.handlers.http.HttpSourcesEndToEndTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import org.junit.jupiter.api.Test;

/** The answers a caller gets when something is wrong, and what an event that is not HTTP does, over the runtime. */
@LambdaTest(modules = ShopModule.class)
class HttpErrorsEndToEndTest {

  /** The HTTP API fixture as {@code method path} with {@code body} (null: none) and no content-type. */
  private static JsonObject request(String method, String path, String body) {
    JsonObject event = json(Events.read("http-api-place-order.json")).getAsJsonObject();
    event.addProperty("rawPath", path);
    event.getAsJsonObject("requestContext").getAsJsonObject("http").addProperty("method", method);
    event.getAsJsonObject("requestContext").getAsJsonObject("http").addProperty("path", path);
    event.getAsJsonObject("headers").remove("content-type");
    event.remove("body");
    event.addProperty("isBase64Encoded", false);
    if (body != null) {
      event.addProperty("body", body);
    }
    return event;
  }

  private static JsonObject header(JsonObject event, String name, String value) {
    event.getAsJsonObject("headers").addProperty(name, value);
    return event;
  }

  private static JsonObject call(LambdaClient lambda, JsonObject event) {
    return lambda.invoke(ShopModule.KEY, event).assertSuccess().json().getAsJsonObject();
  }

  private static void assertAnswer(int status, String message, JsonObject response) {
    assertEquals(status, response.get("statusCode").getAsInt(), response.toString());
    assertEquals("application/json", response.getAsJsonObject("headers").get("content-type").getAsString());
    assertEquals(json("{\"message\":" + json("\"" + message.replace("\"", "\\\"") + "\"") + "}"), body(response));
  }

  @Test
  void aPathNoRouteMatchesIs404(LambdaClient lambda) {
    assertAnswer(404, "No resource at /authors", call(lambda, request("GET", "/authors", null)));
    assertAnswer(404, "No resource at /books/978/reviews", call(lambda, request("GET", "/books/978/reviews", null)));
    assertAnswer(404, "No resource at /files", call(lambda, request("GET", "/files", null)),
        "a greedy parameter needs one segment at least");
  }

  private static void assertAnswer(int status, String message, JsonObject response, String why) {
    assertEquals(status, response.get("statusCode").getAsInt(), why + ": " + response);
    assertEquals(message, body(response).getAsJsonObject().get("message").getAsString(), why);
  }

  @Test
  void aWrongMethodIs405WithAllow(LambdaClient lambda) {
    JsonObject response = call(lambda, request("DELETE", "/books/9780134685991", null));
    assertAnswer(405, "Only GET is allowed here", response);
    assertEquals("GET", response.getAsJsonObject("headers").get("allow").getAsString());
    assertEquals("GET", call(lambda, request("POST", "/books/", null)).getAsJsonObject("headers").get("allow")
        .getAsString(), "a trailing slash is the same path");
    assertEquals("\"DELETE\"", call(lambda, request("DELETE", "/anything", null)).get("body").getAsString(),
        "ANY takes every method");
  }

  @Test
  void aBodyThatDoesNotFitIs400NamingTheFieldAndWhatWasExpected(LambdaClient lambda) {
    JsonObject event = request("POST", "/orders",
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 1.5}]}");
    JsonObject response = call(lambda, event);
    assertAnswer(400, "The body is not valid at $.lines[0].quantity: expected an int, got a number that does not fit"
        + " one", response);
    assertAnswer(400, "The body is not valid at $.lines: expected an array, got a string",
        call(lambda, request("POST", "/orders", "{\"customerId\": \"c-1\", \"lines\": \"none\"}")), "wrong type");
    assertAnswer(400, "The body is not valid at $: expected an object, got an array",
        call(lambda, request("POST", "/orders", "[]")), "an array for a record");
    JsonObject malformed = call(lambda, request("POST", "/orders", "{\"customerId\": "));
    assertEquals(400, malformed.get("statusCode").getAsInt());
    String message = body(malformed).getAsJsonObject().get("message").getAsString();
    assertTrue(message.startsWith("The body is not valid at $"), message);
    assertFalse(message.contains("gson") || message.contains("See ") || message.contains("line 1"), message);
    assertAnswer(400, "The body is not valid at $.customerId: malformed JSON",
        call(lambda, request("POST", "/orders", "{\"customerId\": nope}")), "not JSON");
    assertAnswer(400, "The body is not valid at $: expected an object, got an array",
        call(lambda, request("POST", "/documents", "[1, 2]")), "a JsonObject route");
    assertAnswer(400, "The body has more after its JSON value",
        call(lambda, request("POST", "/documents", "{} {}")), "two values");
  }

  @Test
  void anEmptyBodyForATypedRouteIs400SayingABodyIsNeeded(LambdaClient lambda) {
    assertAnswer(400, "POST needs a JSON body here", call(lambda, request("POST", "/orders", null)));
    assertAnswer(400, "POST needs a JSON body here", call(lambda, request("POST", "/orders", "")), "empty");
    assertAnswer(400, "POST needs a JSON body here, not null", call(lambda, request("POST", "/orders", "null")),
        "null");
  }

  @Test
  void aBodyMarkedBase64ThatIsNotIs400(LambdaClient lambda) {
    JsonObject event = request("POST", "/orders", "{\"customerId\": \"c-1\"}");
    event.addProperty("isBase64Encoded", true);
    assertAnswer(400, "The body is marked as base64 but is not valid base64", call(lambda, event));
  }

  @Test
  void aContentTypeThatIsNotJsonIs415(LambdaClient lambda) {
    JsonObject event = header(request("POST", "/orders", "customerId=c-1"), "content-type",
        "application/x-www-form-urlencoded");
    assertAnswer(415, "The body must be JSON (content-type application/json), not application/x-www-form-urlencoded",
        call(lambda, event));
    JsonObject problemJson = header(request("POST", "/documents", "{\"a\": 1}"), "content-type",
        "application/merge-patch+json");
    assertEquals(200, call(lambda, problemJson).get("statusCode").getAsInt(), "+json is JSON");
  }

  @Test
  void anAcceptThatExcludesTheResponsesTypeIs406(LambdaClient lambda) {
    assertAnswer(406, "This resource answers application/json, which the request's accept header does not allow",
        call(lambda, header(request("GET", "/books/9780134685991", null), "accept", "text/html")));
    JsonObject greeting = call(lambda, header(request("GET", "/greeting", null), "accept", "application/json"));
    assertEquals(200, greeting.get("statusCode").getAsInt(), "an HttpResponse goes as the route made it, never"
        + " a 406 after the route ran: " + greeting);
    assertEquals("text/plain; charset=utf-8", greeting.getAsJsonObject("headers").get("content-type").getAsString());
    for (String accept : new String[] {"*/*", "application/*", "application/json;q=0.5, text/html",
        "text/html, */*;q=0.1", ""}) {
      assertEquals(200, call(lambda, header(request("GET", "/books/9780134685991", null), "accept", accept))
          .get("statusCode").getAsInt(), accept);
    }
    assertEquals(406, call(lambda, header(request("GET", "/books/9780134685991", null), "accept",
        "application/json;q=0, */*")).get("statusCode").getAsInt(), "q=0 refuses");
  }

  @Test
  void anUnexpectedExceptionIs500WithTheStackTraceInTheLogOnly(LambdaClient lambda) {
    Invocation result = lambda.invoke(ShopModule.KEY, request("GET", "/books/boom", null));
    JsonObject response = result.assertSuccess().json().getAsJsonObject();
    assertAnswer(500, "Internal Server Error", response);
    assertFalse(response.toString().contains("secret-internal-detail") || response.toString().contains("at dev."),
        response.toString());
    assertTrue(result.logged("Route GET /books/{isbn} of handler 'shop' threw; answered 500"),
        result.logs().toString());
    assertTrue(result.logs().stream().anyMatch(line -> line.contains(result.requestId()) && line.contains(" ERROR ")),
        "logged with the request id: " + result.logs());
    assertTrue(result.logged("java.lang.IllegalStateException: secret-internal-detail"), result.logs().toString());
    assertTrue(result.logged("at dev.lambdaguice.handlers.http.ShopModule$GetBook.handle"), "the stack trace");
  }

  @Test
  void mappedAndHttpExceptionsAreAnsweredWithTheirStatusAndMessage(LambdaClient lambda) {
    Invocation missing = lambda.invoke(ShopModule.KEY, request("GET", "/books/0000", null));
    assertAnswer(404, "No book with ISBN 0000", missing.assertSuccess().json().getAsJsonObject());
    assertAnswer(422, "an order needs at least one line", call(lambda, request("POST", "/orders",
        "{\"customerId\": \"c-1\", \"lines\": []}")));
    assertFalse(missing.logs().stream().anyMatch(line -> line.contains(" ERROR ") || line.contains(" WARN ")),
        "expected failures are not logged: " + missing.logs());
  }

  @Test
  void aVoidResultIs204AndATextRouteGetsTheBodyAsSent(LambdaClient lambda) {
    Invocation result = lambda.invoke(ShopModule.KEY, request("PUT", "/notes/n%201", "caf\u00e9 \u2615"));
    JsonObject response = result.assertSuccess().json().getAsJsonObject();
    assertEquals(204, response.get("statusCode").getAsInt(), response.toString());
    assertEquals("", response.get("body").getAsString());
    assertTrue(result.logged("note n 1 [caf\u00e9 \u2615]"), result.logs().toString());
  }

  @Test
  void anEventThatIsNotHttpFailsNamingWhatIsMissingAndTheRuntimeGoesOn(LambdaClient lambda) {
    Invocation notHttp = lambda.invoke(ShopModule.KEY, "{\"Records\": [{\"secret\": \"x\"}]}");
    notHttp.assertError("Runtime.InvalidEvent");
    assertTrue(notHttp.body().contains("\"errorType\":\"Runtime.InvalidEvent\""), notHttp.body());
    assertEquals("The event of handler 'shop' is not an HTTP event: it has neither requestContext.elb (Application"
        + " Load Balancer), nor version \"2.0\" with rawPath (HTTP API, function URL), nor httpMethod with path"
        + " (REST API)", notHttp.errorMessage());
    assertFalse(notHttp.body().contains("secret") || notHttp.logs().toString().contains("\"secret\""));

    JsonObject noMethod = request("GET", "/books", null);
    noMethod.getAsJsonObject("requestContext").remove("http");
    assertEquals("The HTTP API event (version 2.0) of handler 'shop' has no requestContext.http.method",
        lambda.invoke(ShopModule.KEY, noMethod).errorMessage());
    JsonObject albNoPath = json(Events.read("alb-search.json")).getAsJsonObject();
    albNoPath.remove("path");
    assertEquals("The Application Load Balancer event of handler 'shop' has no path",
        lambda.invoke(ShopModule.KEY, albNoPath).errorMessage());
    lambda.invoke(ShopModule.KEY, "[1, 2]").assertError("Runtime.InvalidEvent");
    lambda.invoke(ShopModule.KEY, "null").assertError("Runtime.InvalidEvent");

    JsonObject good = lambda.invokeEvent(ShopModule.KEY, "rest-minimal.json").assertSuccess().json()
        .getAsJsonObject();
    assertEquals(200, good.get("statusCode").getAsInt(), "the runtime goes on serving");
  }
}
