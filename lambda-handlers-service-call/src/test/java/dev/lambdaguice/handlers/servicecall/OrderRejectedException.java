package dev.lambdaguice.handlers.servicecall;

/** Fixture: a checked exception a service method throws. */
public final class OrderRejectedException extends Exception {
  public OrderRejectedException(String message) {
    super(message);
  }
}
