package dev.lambdaguice.runtime.guice;

/** The event does not fit the handler's event type; the invocation fails with {@code Runtime.InvalidEvent}. */
final class InvalidEventException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
