package dev.lambdaguice.runtime.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The events this module's tests own: one JSON file per event under {@code src/test/resources/events/}, written
 * from AWS's documented Lambda event formats, read from the class path.
 */
final class EventFixtures {

  /** API Gateway REST API (v1 proxy) POST with a JSON body. */
  static final String REST_POST = "api-gateway-rest-post.json";
  /** REST API GET: {@code "body": null}, path and query parameters, multi-value query and headers. */
  static final String REST_GET = "api-gateway-rest-get.json";
  /** REST API PUT on a {@code {proxy+}} resource with a base64 body. */
  static final String REST_BASE64 = "api-gateway-rest-base64.json";

  private EventFixtures() {}

  /** The text of the fixture {@code name}, like {@code api-gateway-rest-get.json}; fails if there is none. */
  static String read(String name) {
    try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no event fixture " + name + " in src/test/resources/events");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
