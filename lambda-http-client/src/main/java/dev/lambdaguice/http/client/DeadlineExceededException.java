package dev.lambdaguice.http.client;

import java.io.InterruptedIOException;

/**
 * A call that could not end before the current invocation's deadline (minus the margin): not started because no
 * time was left, or cancelled when the time ran out. An {@link InterruptedIOException}, as okhttp's own timeouts
 * are, so code that handles timeouts handles it too; uncaught, it fails the invocation with a clear
 * {@code Runtime.UserException} instead of Lambda's "Task timed out".
 */
public final class DeadlineExceededException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  DeadlineExceededException(String message) {
    super(message);
  }
}
