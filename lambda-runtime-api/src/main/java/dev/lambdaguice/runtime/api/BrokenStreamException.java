package dev.lambdaguice.runtime.api;

import java.io.IOException;

/**
 * The connection carrying a {@link StreamedResponse} broke before the stream ended: the caller went away, or the
 * platform closed the connection. The client has dropped that connection and opens a new one on its next call;
 * the invocation cannot be answered any more.
 */
public final class BrokenStreamException extends IOException {

  private static final long serialVersionUID = 1L;

  /** @param cause the socket's failure */
  public BrokenStreamException(String message, IOException cause) {
    super(message, cause);
  }
}
