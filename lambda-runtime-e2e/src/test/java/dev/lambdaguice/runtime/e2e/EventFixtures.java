package dev.lambdaguice.runtime.e2e;

/**
 * The events this module's tests own, in {@code src/test/resources/events/} (read with
 * {@link dev.lambdaguice.test.Events#read}), written from AWS's documented Lambda event formats.
 */
final class EventFixtures {

  /** API Gateway REST API (v1 proxy) POST with a JSON body. */
  static final String REST_POST = "api-gateway-rest-post.json";
  /** REST API GET: {@code "body": null}, path and query parameters, multi-value query and headers. */
  static final String REST_GET = "api-gateway-rest-get.json";
  /** REST API PUT on a {@code {proxy+}} resource with a base64 body. */
  static final String REST_BASE64 = "api-gateway-rest-base64.json";

  private EventFixtures() {}

}
