package dev.lambdaguice.handlers.servicecall;

/** {@code serviceName} names no service the application exposed (by type name or alias). */
public final class UnknownServiceException extends ServiceCallException {

  public UnknownServiceException(String message) {
    super(message);
  }
}
