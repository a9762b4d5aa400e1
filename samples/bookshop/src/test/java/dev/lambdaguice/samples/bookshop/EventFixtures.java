package dev.lambdaguice.samples.bookshop;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import java.util.List;

/**
 * The events this module's tests own, in {@code src/test/resources/events/} (read with {@link Events#read}),
 * written from AWS's documented Lambda event formats.
 */
final class EventFixtures {

  /** HTTP API (payload format 2.0), {@code $default} route: GET /books?author=martin&limit=2 and a repeated query. */
  static final String HTTP_SEARCH = "api-gateway-http-search.json";
  /** HTTP API, route {@code GET /books/{isbn}}: the ISBN as a path parameter, a JWT authorizer, stage variables. */
  static final String HTTP_ROUTE = "api-gateway-http-route.json";
  /** HTTP API, route {@code POST /orders} with an order as a base64 body. */
  static final String HTTP_BASE64 = "api-gateway-http-base64.json";
  /** Every HTTP API event. */
  static final List<String> HTTP_API = List.of(HTTP_SEARCH, HTTP_ROUTE, HTTP_BASE64);
  /** API Gateway REST API (v1 proxy) GET /books: another payload format, no {@code rawPath}. */
  static final String REST = "api-gateway-rest.json";
  /** SQS standard queue, 3 records whose bodies are service calls. */
  static final String SQS = "sqs-batch.json";

  private EventFixtures() {}


  static JsonObject json(String name) {
    return JsonParser.parseString(Events.read(name)).getAsJsonObject();
  }
}
