package dev.lambdaguice.samples.bookshop;

/** An order asks for more copies of a book than are in stock; nothing of the order was reserved. */
public final class OutOfStockException extends Exception {

  private final String isbn;
  private final long requested;
  private final int available;

  public OutOfStockException(String isbn, long requested, int available) {
    super("Not enough copies of " + isbn + " in stock: " + requested + " requested, " + available + " available");
    this.isbn = isbn;
    this.requested = requested;
    this.available = available;
  }

  public String isbn() {
    return isbn;
  }

  public long requested() {
    return requested;
  }

  public int available() {
    return available;
  }
}
