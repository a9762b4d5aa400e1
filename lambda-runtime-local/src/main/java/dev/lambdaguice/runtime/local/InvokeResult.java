package dev.lambdaguice.runtime.local;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an invoker gets back for one invocation: the function's response, or its error.
 *
 * @param requestId the invocation's {@code Lambda-Runtime-Aws-Request-Id}
 * @param error true when the invocation failed (the invoke endpoint then sets {@code X-Amz-Function-Error:
 *     Unhandled}): the runtime posted {@code /error} or {@code /init/error}, the response was too large
 *     ({@code Function.ResponseSizeTooLarge}), or the function timed out ({@code Sandbox.Timedout})
 * @param errorType for errors, the {@code Lambda-Runtime-Function-Error-Type} header as the runtime sent it (or
 *     the platform's type for errors it detects); null for responses
 * @param contentType the {@code Content-Type} the runtime posted, or null if it sent none
 * @param body the response body, or the error JSON; the record owns this array, and {@link #body()} returns a copy
 */
public record InvokeResult(String requestId, boolean error, String errorType, String contentType, byte[] body) {

  public InvokeResult {
    Objects.requireNonNull(requestId, "requestId");
    body = body == null ? new byte[0] : body;
  }

  static InvokeResult response(String requestId, String contentType, byte[] body) {
    return new InvokeResult(requestId, false, null, contentType, body);
  }

  static InvokeResult failure(String requestId, String errorType, String contentType, byte[] body) {
    return new InvokeResult(requestId, true, errorType, contentType, body);
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body without copying, for the server. */
  byte[] bodyBytes() {
    return body;
  }

  public int bodyLength() {
    return body.length;
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** For errors, the {@code errorMessage} of the error JSON; otherwise, or when the body has none, null. */
  public String errorMessage() {
    return error ? ErrorJson.errorMessage(bodyAsString()) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InvokeResult other
        && requestId.equals(other.requestId)
        && error == other.error
        && Objects.equals(errorType, other.errorType)
        && Objects.equals(contentType, other.contentType)
        && Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, error, errorType, contentType) * 31 + Arrays.hashCode(body);
  }

  /** Shows the body's size, not its content. */
  @Override
  public String toString() {
    return "InvokeResult[requestId=" + requestId + ", error=" + error + ", errorType=" + errorType
        + ", contentType=" + contentType + ", body=" + body.length + " bytes]";
  }
}
