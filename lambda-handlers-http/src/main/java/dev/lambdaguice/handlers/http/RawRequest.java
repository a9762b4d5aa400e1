package dev.lambdaguice.handlers.http;

import java.util.List;
import java.util.Map;

/**
 * A request as read from the event, before routing. {@code headers} has case-insensitive keys.
 *
 * @param body the body's bytes, empty when there is none; null when the event marks it base64 but it is not
 * @param multiValueHeaders whether the event used {@code multiValueHeaders} (an ALB answers in the same mode)
 */
record RawRequest(
    HttpSource source,
    String method,
    String rawPath,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Map<String, String> cookies,
    byte[] body,
    String requestId,
    String sourceIp,
    String stage,
    boolean multiValueHeaders) {

  /** The first value of the header {@code name}, or null. */
  String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
