package dev.lambdaguice.handlers.servicecall;

/** The service has no callable function of that name (public, not static, not one of {@code Object}'s). */
public final class UnknownFunctionException extends ServiceCallException {

  public UnknownFunctionException(String message) {
    super(message);
  }
}
