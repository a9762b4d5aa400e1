package dev.lambdaguice.handlers.echo;

/**
 * The events this module's tests own, in {@code src/test/resources/events/} (read with
 * {@link dev.lambdaguice.test.Events#read}), written from AWS's documented Lambda event formats.
 */
final class EventFixtures {

  /** API Gateway REST API (v1 proxy) POST with a text body, multi-value headers and query, a path parameter. */
  static final String REST = "api-gateway-rest.json";
  /** API Gateway HTTP API (payload format 2.0) POST with a JSON text body, cookies, a repeated query parameter. */
  static final String HTTP = "api-gateway-http.json";
  /** HTTP API PUT whose body is base64 ({@code isBase64Encoded}: true) of bytes that are not text. */
  static final String HTTP_BASE64 = "api-gateway-http-base64.json";
  /** HTTP API GET: no {@code body} field at all. */
  static final String HTTP_GET = "api-gateway-http-get.json";

  private EventFixtures() {}
}
