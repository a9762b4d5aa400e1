package dev.lambdaguice.handlers.servicecall;

/**
 * The event is not a service call: not a JSON object, or {@code serviceName}, {@code function} or {@code args} is
 * missing or of the wrong kind.
 */
public final class InvalidServiceCallException extends ServiceCallException {

  public InvalidServiceCallException(String message) {
    super(message);
  }
}
