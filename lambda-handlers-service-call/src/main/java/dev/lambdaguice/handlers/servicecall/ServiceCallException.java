package dev.lambdaguice.handlers.servicecall;

/**
 * A service call that cannot be made as asked: the event is malformed, or it names no exposed service, no callable
 * function, the wrong number of arguments, arguments that do not fit, or several overloads at once. Nothing was
 * invoked. Messages name the service, function, arities, signatures and argument indexes involved, never argument
 * values. An exception thrown by the called method itself is never wrapped in one of these.
 */
public abstract sealed class ServiceCallException extends Exception
    permits InvalidServiceCallException, UnknownServiceException, UnknownFunctionException, ArgumentCountException,
        ArgumentTypeException, AmbiguousCallException {

  ServiceCallException(String message) {
    super(message);
  }
}
