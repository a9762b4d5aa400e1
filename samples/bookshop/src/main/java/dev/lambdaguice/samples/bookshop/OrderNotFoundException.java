package dev.lambdaguice.samples.bookshop;

/** No order has the id asked for. */
public final class OrderNotFoundException extends Exception {

  private final String orderId;

  public OrderNotFoundException(String orderId) {
    super("No order with id " + orderId);
    this.orderId = orderId;
  }

  public String orderId() {
    return orderId;
  }
}
