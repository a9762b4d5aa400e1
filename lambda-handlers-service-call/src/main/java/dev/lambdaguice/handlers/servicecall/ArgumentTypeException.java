package dev.lambdaguice.handlers.servicecall;

/** An argument does not fit its parameter (or no overload fits the arguments' JSON kinds). */
public final class ArgumentTypeException extends ServiceCallException {

  public ArgumentTypeException(String message) {
    super(message);
  }
}
