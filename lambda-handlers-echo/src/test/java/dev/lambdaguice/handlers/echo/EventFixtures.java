package dev.lambdaguice.handlers.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The events this module's tests own: one JSON file per event under {@code src/test/resources/events/}, written
 * from AWS's documented Lambda event formats, read from the class path.
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

  /** The text of the fixture {@code name}, like {@code api-gateway-rest.json}; fails if there is none. */
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
