package dev.lambdaguice.handlers.servicecall;

/** The function has no overload taking that many arguments. */
public final class ArgumentCountException extends ServiceCallException {

  public ArgumentCountException(String message) {
    super(message);
  }
}
