package dev.lambdaguice.runtime.api;

import java.io.IOException;

/**
 * The Runtime API answered with something that is not HTTP/1.1 the client can read: a malformed status line,
 * header or chunk, a contradictory {@code Content-Length}, or headers or a body over the client's limits
 * ({@link RuntimeApiClient#MAX_HEADER_BYTES}, {@link RuntimeApiClient#MAX_EVENT_BYTES}). The connection it came on
 * is closed; the next call opens a new one.
 */
public final class RuntimeApiProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  public RuntimeApiProtocolException(String message) {
    super(message);
  }
}
