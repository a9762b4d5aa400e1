package dev.lambdaguice.samples.bookshop;

/** The catalog has no book with the ISBN asked for. */
public final class BookNotFoundException extends Exception {

  private final String isbn;

  public BookNotFoundException(String isbn) {
    super("No book with ISBN " + isbn);
    this.isbn = isbn;
  }

  public String isbn() {
    return isbn;
  }
}
