package dev.lambdaguice.runtime.guice;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A result sent exactly as given, without JSON serialization. Return it from a {@link LambdaHandler} to answer with
 * text, pre-serialized JSON, or binary data.
 *
 * @param body the response bytes; not copied, so do not modify them after returning
 * @param contentType the media type the runtime reports, for example {@code text/plain; charset=utf-8}
 */
public record RawResponse(byte[] body, String contentType) {

  public RawResponse {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
  }

  /** Text sent as {@code text/plain; charset=utf-8}. */
  public static RawResponse text(String text) {
    return new RawResponse(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
  }

  /** A JSON document the handler has already serialized, sent as {@code application/json}. */
  public static RawResponse json(String json) {
    return new RawResponse(json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  /** Bytes sent as {@code application/octet-stream}. */
  public static RawResponse bytes(byte[] bytes) {
    return new RawResponse(bytes, "application/octet-stream");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawResponse other
        && contentType.equals(other.contentType)
        && java.util.Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return contentType.hashCode() * 31 + java.util.Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "RawResponse[" + body.length + " bytes, " + contentType + "]";
  }
}
