package dev.lambdaguice.handlers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each of the four sources, from the fixtures in src/test/resources/events, through the real runtime: every field
 * the module reads reaches the route, and the answer has the source's response shape.
 */
@LambdaTest(modules = ShopModule.class)
class HttpSourcesEndToEndTest {

  static JsonObject response(LambdaClient lambda, String fixture) {
    return lambda.invokeEvent(ShopModule.KEY, fixture).assertSuccess().json().getAsJsonObject();
  }

  static JsonElement body(JsonObject response) {
    return JsonParser.parseString(response.get("body").getAsString());
  }

  static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  @Test
  void aRestApiRequestReachesItsRouteWithMultiValueQueryHeadersAndCookies(LambdaClient lambda) {
    JsonObject response = response(lambda, "rest-search.json");
    assertEquals(Set.of("statusCode", "headers", "body", "isBase64Encoded"), response.keySet(), response.toString());
    assertEquals(200, response.get("statusCode").getAsInt());
    assertEquals(json("{\"content-type\":\"application/json\"}"), response.get("headers"));
    assertFalse(response.get("isBase64Encoded").getAsBoolean());
    assertEquals(json("{\"source\":\"REST_API\",\"method\":\"GET\",\"path\":\"/books\",\"rawPath\":\"/books\","
        + "\"pathParameters\":{},\"query\":{\"author\":[\"Robert Martin\",\"Martin Fowler\"],\"limit\":[\"2\"]},"
        + "\"firstAuthor\":\"Robert Martin\",\"tags\":[\"first\",\"second\"],\"accept\":\"application/json\","
        + "\"cookies\":{\"session\":\"s-1\",\"theme\":\"dark\"},"
        + "\"requestId\":\"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\",\"sourceIp\":\"203.0.113.7\",\"stage\":\"prod\","
        + "\"bodyBytes\":0}"), body(response));
  }

  @Test
  void aRestApiResponseCarriesRepeatedHeadersAndCookiesInMultiValueHeaders(LambdaClient lambda) {
    JsonObject response = response(lambda, "rest-place-order.json");
    assertEquals(201, response.get("statusCode").getAsInt(), response.toString());
    assertEquals(json("{\"content-type\":\"application/json\",\"location\":\"/orders/o-1\"}"),
        response.get("headers"));
    assertEquals(json("{\"x-tag\":[\"one\",\"two\"],\"set-cookie\":[\"session=s-9; Secure; HttpOnly\","
        + "\"theme=dark\"]}"), response.get("multiValueHeaders"));
    assertEquals(json("{\"customerId\":\"c-1\",\"lines\":[{\"isbn\":\"9780134685991\",\"quantity\":2}]}"),
        body(response));
  }

  @Test
  void aRestApiEventWithoutItsOptionalFieldsIsServed(LambdaClient lambda) {
    JsonObject response = response(lambda, "rest-minimal.json");
    assertEquals(200, response.get("statusCode").getAsInt(), response.toString());
    assertEquals(json("{\"isbn\":\"9780134685991\",\"title\":\"Effective Java\"}"), body(response));
  }

  @Test
  void aCustomDomainsBasePathIsRemovedBeforeRouting(LambdaClient lambda) {
    JsonObject response = response(lambda, "rest-custom-domain.json");
    assertEquals(200, response.get("statusCode").getAsInt(), response.toString());
    assertEquals("9780134685991", body(response).getAsJsonObject().get("isbn").getAsString());
  }

  @Test
  void anHttpApiRequestHasDecodedPathParametersAllQueryValuesAndItsCookies(LambdaClient lambda) {
    JsonObject response = response(lambda, "http-api-get-book.json");
    assertEquals(Set.of("statusCode", "headers", "body", "isBase64Encoded"), response.keySet(), response.toString());
    assertEquals(json("{\"isbn\":\"978-0134685991\",\"title\":\"Effective Java\"}"), body(response),
        "978%2D0134685991 decoded");
    JsonObject fixture = json(dev.lambdaguice.test.Events.read("http-api-get-book.json")).getAsJsonObject();
    fixture.addProperty("rawPath", "/books");
    fixture.getAsJsonObject("requestContext").getAsJsonObject("http").addProperty("path", "/books");
    JsonObject seen = body(lambda.invoke(ShopModule.KEY, fixture).assertSuccess().json().getAsJsonObject())
        .getAsJsonObject();
    assertEquals(json("{\"author\":[\"Robert Martin\",\"Martin Fowler\"],\"empty\":[\"\"],\"flag\":[\"\"]}"),
        seen.get("query"), "from rawQueryString: every value, decoded");
    assertEquals(json("[\"first,second\"]"), seen.get("tags"), "an HTTP API joins repeated headers");
    assertEquals(json("{\"session\":\"s-2\",\"theme\":\"light\"}"), seen.get("cookies"));
    assertEquals("HTTP_API", seen.get("source").getAsString());
    assertEquals("JKJaXmPLvHcESHA=", seen.get("requestId").getAsString());
    assertEquals("205.255.255.176", seen.get("sourceIp").getAsString());
    assertEquals("$default", seen.get("stage").getAsString());
  }

  @Test
  void anHttpApiEventWithoutItsOptionalFieldsIsServed(LambdaClient lambda) {
    JsonObject fixture = json(dev.lambdaguice.test.Events.read("http-api-get-book.json")).getAsJsonObject();
    fixture.addProperty("rawPath", "/books");
    for (String optional : new String[] {"rawQueryString", "cookies", "headers", "pathParameters", "stageVariables"}) {
      fixture.remove(optional);
    }
    fixture.add("queryStringParameters", json("{\"author\": \"Martin Fowler\"}"));
    JsonObject seen = body(lambda.invoke(ShopModule.KEY, fixture).assertSuccess().json().getAsJsonObject())
        .getAsJsonObject();
    assertEquals(json("{\"author\":[\"Martin Fowler\"]}"), seen.get("query"),
        "without rawQueryString, queryStringParameters");
    assertEquals(json("{}"), seen.get("cookies"));
    assertEquals(json("[]"), seen.get("tags"));
    fixture.remove("queryStringParameters");
    JsonObject bare = body(lambda.invoke(ShopModule.KEY, fixture).assertSuccess().json().getAsJsonObject())
        .getAsJsonObject();
    assertEquals(json("{}"), bare.get("query"));
  }

  @Test
  void anHttpApiResponseSendsCookiesInItsCookiesField(LambdaClient lambda) {
    JsonObject response = response(lambda, "http-api-place-order.json");
    assertEquals(201, response.get("statusCode").getAsInt(), response.toString());
    assertEquals(json("{\"content-type\":\"application/json\",\"location\":\"/orders/o-1\",\"x-tag\":\"one,two\"}"),
        response.get("headers"));
    assertEquals(json("[\"session=s-9; Secure; HttpOnly\",\"theme=dark\"]"), response.get("cookies"));
    assertEquals(json("{\"customerId\":\"c-1\",\"lines\":[{\"isbn\":\"9780134685991\",\"quantity\":2}]}"),
        body(response), "the base64 body was decoded");
  }

  @Test
  void aNamedStageIsRemovedAndAGreedyParameterTakesTheRestOfThePathDecoded(LambdaClient lambda) {
    JsonObject response = response(lambda, "http-api-stage.json");
    assertEquals(200, response.get("statusCode").getAsInt(), response.toString());
    assertEquals(json("{\"content-type\":\"image/png\",\"x-path\":\"reports/2026 Q4/summary.png\"}"),
        response.get("headers"));
    assertTrue(response.get("isBase64Encoded").getAsBoolean(), "a binary body is base64");
    assertEquals(List.of(ShopModule.PNG.length), List.of(
        Base64.getDecoder().decode(response.get("body").getAsString()).length));
    assertEquals(Base64.getEncoder().encodeToString(ShopModule.PNG), response.get("body").getAsString());
  }

  @Test
  void aFunctionUrlRequestWithABase64BinaryBodyIsTheBytesSent(LambdaClient lambda) {
    JsonObject response = response(lambda, "function-url-upload.json");
    assertEquals(200, response.get("statusCode").getAsInt(), response.toString());
    assertEquals(json("{\"size\":16,\"name\":\"cover.png\",\"png\":true,\"source\":\"FUNCTION_URL\"}"),
        body(response));
  }

  @Test
  void anAlbRequestIsAnsweredWithAStatusDescriptionAndSingleValueHeaders(LambdaClient lambda) {
    JsonObject response = response(lambda, "alb-search.json");
    assertEquals(Set.of("statusCode", "statusDescription", "headers", "body", "isBase64Encoded"), response.keySet(),
        response.toString());
    assertEquals("200 OK", response.get("statusDescription").getAsString());
    assertEquals(json("{\"content-type\":\"application/json\"}"), response.get("headers"));
    JsonObject seen = body(response).getAsJsonObject();
    assertEquals(json("{\"author\":[\"Robert Martin\"],\"limit\":[\"2\"]}"), seen.get("query"),
        "an ALB passes the query as sent; it is decoded");
    assertEquals("ALB", seen.get("source").getAsString());
    assertEquals(json("{\"session\":\"s-3\"}"), seen.get("cookies"));
    assertEquals("*/*", seen.get("accept").getAsString());
  }

  @Test
  void anAlbWithMultiValueHeadersIsAnsweredWithMultiValueHeaders(LambdaClient lambda) {
    JsonObject response = response(lambda, "alb-multi-value-order.json");
    assertEquals(Set.of("statusCode", "statusDescription", "multiValueHeaders", "body", "isBase64Encoded"),
        response.keySet(), response.toString());
    assertEquals("201 Created", response.get("statusDescription").getAsString());
    assertEquals(json("{\"content-type\":[\"application/json\"],\"location\":[\"/orders/o-1\"],"
        + "\"x-tag\":[\"one\",\"two\"],\"set-cookie\":[\"session=s-9; Secure; HttpOnly\",\"theme=dark\"]}"),
        response.get("multiValueHeaders"));
  }
}
