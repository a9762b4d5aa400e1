package dev.lambdaguice.runtime.local;

import java.util.List;
import java.util.Map;

/**
 * One request a runtime made to the Runtime API, as the server received it. Bodies are not kept.
 *
 * @param endpoint the endpoint, or null for a path that is not one
 * @param method the HTTP method
 * @param path the request path, without a query string
 * @param requestId the request id in a {@code /response} or {@code /error} path, otherwise null
 * @param headers the request headers; case-insensitive and immutable
 * @param bodyLength how many body bytes the runtime sent; 0 for a streamed {@code /response}, recorded before its
 *     body arrives
 */
public record RecordedRequest(
    Endpoint endpoint, String method, String path, String requestId, Map<String, List<String>> headers,
    long bodyLength) {

  /** The first value of a header (case-insensitive name), or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null ? null : values.get(0);
  }
}
