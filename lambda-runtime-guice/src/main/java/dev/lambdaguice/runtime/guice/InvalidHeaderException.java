package dev.lambdaguice.runtime.guice;

/** An invocation header the handler's context needs is garbled; fails with {@code Runtime.InvalidInvocation}. */
final class InvalidHeaderException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidHeaderException(String message, Throwable cause) {
    super(message, cause);
  }
}
