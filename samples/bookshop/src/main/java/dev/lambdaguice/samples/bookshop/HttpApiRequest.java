package dev.lambdaguice.samples.bookshop;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The parts of an API Gateway HTTP API event (payload format 2.0) that {@link ApiHandler} reads; the rest of the
 * event is ignored.
 *
 * @param rawPath the request path, not URL-decoded, like {@code /books/9780134685991}
 * @param pathParameters the path parameters of a route like {@code GET /books/{isbn}}; null for {@code $default}
 * @param queryStringParameters the query parameters (repeated ones joined with commas), or null
 * @param body the request body, or null
 * @param isBase64Encoded whether {@code body} is base64 of the bytes sent
 */
public record HttpApiRequest(
    String rawPath,
    RequestContext requestContext,
    Map<String, String> pathParameters,
    Map<String, String> queryStringParameters,
    String body,
    boolean isBase64Encoded) {

  /** The event's {@code requestContext}. */
  public record RequestContext(Http http) {}

  /** The event's {@code requestContext.http}. */
  public record Http(String method) {}

  /** The HTTP method, like {@code GET}, or null when the event has none. */
  public String method() {
    return requestContext == null || requestContext.http() == null ? null : requestContext.http().method();
  }

  /** The non-empty segments of {@link #rawPath()}: {@code /books/978/} gives {@code [books, 978]}. */
  public List<String> pathSegments() {
    return rawPath == null ? List.of() : Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  /** The path parameter {@code name}, or {@code fallback} when the route has none (like {@code $default}). */
  public String pathParameter(String name, String fallback) {
    return pathParameters == null ? fallback : pathParameters.getOrDefault(name, fallback);
  }

  /** The query parameter {@code name}, or null. */
  public String queryParameter(String name) {
    return queryStringParameters == null ? null : queryStringParameters.get(name);
  }

  /**
   * The body as text, decoded from base64 if it is encoded; null when there is none.
   *
   * @throws IllegalArgumentException the body is marked base64 but is not
   */
  public String bodyText() {
    if (body == null || !isBase64Encoded) {
      return body;
    }
    return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
  }
}
