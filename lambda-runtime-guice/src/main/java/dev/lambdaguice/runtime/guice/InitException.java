package dev.lambdaguice.runtime.guice;

/** Init cannot complete: reported to {@code /runtime/init/error} with {@link #errorType()}, then the process exits. */
final class InitException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String errorType;

  InitException(String errorType, String message) {
    this(errorType, message, null);
  }

  InitException(String errorType, String message, Throwable cause) {
    super(message, cause);
    this.errorType = errorType;
  }

  /** A {@code Runtime.*} error type, used for both the header and the body. */
  String errorType() {
    return errorType;
  }
}
