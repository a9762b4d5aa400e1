package dev.lambdaguice.samples.bookshop;

/** The supplier answered, but not with a quote. */
public final class SupplierUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public SupplierUnavailableException(String message) {
    super(message);
  }
}
