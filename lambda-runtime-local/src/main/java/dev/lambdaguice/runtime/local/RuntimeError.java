package dev.lambdaguice.runtime.local;

import java.nio.charset.StandardCharsets;

/**
 * An error a runtime reported, such as its {@code /runtime/init/error}.
 *
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or null if the runtime sent none
 * @param body the error JSON, {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}
 */
public record RuntimeError(String errorType, String body) {

  /** The {@code errorMessage} of the body, or null when it has none. */
  public String errorMessage() {
    return ErrorJson.errorMessage(body);
  }

  InvokeResult toResult(String requestId) {
    return InvokeResult.failure(requestId, errorType, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }
}
