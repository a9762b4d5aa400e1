package dev.lambdaguice.runtime.api;

import java.io.IOException;

/**
 * {@code /next} answered 200 but its headers do not describe a usable invocation (missing request id, missing or
 * garbled deadline). When the request id is known, the runtime answers the invocation with an error; otherwise
 * it cannot answer it at all, logs, and asks for the next one.
 */
public final class InvalidInvocationException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String requestId;
  private final String invocationId;

  public InvalidInvocationException(String message, String requestId, String invocationId) {
    super(message);
    this.requestId = requestId;
    this.invocationId = invocationId;
  }

  /** The request id the server sent, or {@code null} when it sent none. */
  public String requestId() {
    return requestId;
  }

  /** The {@code Lambda-Runtime-Invocation-Id} to echo back, or {@code null}. */
  public String invocationId() {
    return invocationId;
  }
}
