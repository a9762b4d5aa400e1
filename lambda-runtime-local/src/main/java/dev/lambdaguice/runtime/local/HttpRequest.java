package dev.lambdaguice.runtime.local;

import dev.lambdaguice.runtime.api.RuntimeApiHeaders;
import java.util.List;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request.
 *
 * @param method the request method, for example {@code GET}
 * @param path the request target without its query string
 * @param version the protocol version, for example {@code HTTP/1.1}
 * @param headers case-insensitive, immutable
 * @param body the body; empty when {@code tooLarge}
 * @param bodyLength how many body bytes the client sent
 * @param tooLarge true when the body was larger than the server keeps; it was read and discarded
 */
record HttpRequest(
    String method,
    String path,
    String version,
    Map<String, List<String>> headers,
    byte[] body,
    long bodyLength,
    boolean tooLarge) {

  /** The header a runtime sets on a streamed {@code /response}. */
  static final String STREAMING_MODE_HEADER = RuntimeApiHeaders.RESPONSE_MODE;

  /** The first value of a header, or null. */
  String header(String name) {
    List<String> values = headers.get(name);
    return values == null ? null : values.get(0);
  }

  /**
   * True for a streamed {@code /response}: {@code Lambda-Runtime-Function-Response-Mode: streaming} with a chunked
   * body. The connection leaves such a body unread, for {@link HttpConnection#chunkedBody()}.
   */
  boolean streamedResponse() {
    String mode = header(STREAMING_MODE_HEADER);
    String encoding = header("Transfer-Encoding");
    return mode != null && mode.trim().equalsIgnoreCase("streaming") && encoding != null
        && hasToken(encoding, "chunked");
  }

  /** HTTP/1.1 keeps connections open unless the client says {@code Connection: close}; HTTP/1.0 is closed. */
  boolean keepAlive() {
    if (!"HTTP/1.1".equals(version)) {
      return false;
    }
    String connection = header("Connection");
    return connection == null || !hasToken(connection, "close");
  }

  static boolean hasToken(String headerValue, String token) {
    for (String part : headerValue.split(",")) {
      if (part.trim().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }
}
