package dev.lambdaguice.handlers.servicecall;

/** Several overloads take the arguments, and their JSON kinds do not tell them apart. */
public final class AmbiguousCallException extends ServiceCallException {

  public AmbiguousCallException(String message) {
    super(message);
  }
}
