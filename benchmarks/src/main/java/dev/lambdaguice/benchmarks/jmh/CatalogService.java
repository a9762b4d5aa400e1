package dev.lambdaguice.benchmarks.jmh;

import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The service the service-call benchmarks call, exposed as {@code catalog}: a record in and a record out
 * ({@link #quote}), primitives ({@link #total}), and an overload told apart by the argument's JSON kind
 * ({@link #find(String)}, {@link #find(long)}). Each method does a little real work: a map lookup, arithmetic.
 */
@Singleton
public class CatalogService {

  /** A price question: how much are {@code quantity} copies of {@code isbn}. */
  public record QuoteRequest(String isbn, int quantity, String currency) {}

  /** The answer to a {@link QuoteRequest}. */
  public record Quote(String isbn, int quantity, long totalCents, String currency) {}

  /** A book of the catalog. */
  public record Book(long id, String isbn, String title, int priceCents) {}

  private final Map<String, Book> byIsbn = Map.of(
      "9780134685991", new Book(1, "9780134685991", "Effective Java", 4499),
      "9780321349606", new Book(2, "9780321349606", "Java Concurrency in Practice", 5499),
      "9780132350884", new Book(3, "9780132350884", "Clean Code", 3999));
  private final Map<Long, Book> byId = Map.of(1L, byIsbn.get("9780134685991"), 2L, byIsbn.get("9780321349606"),
      3L, byIsbn.get("9780132350884"));

  public Quote quote(QuoteRequest request) {
    Book book = byIsbn.get(request.isbn());
    long unit = book == null ? 0 : book.priceCents();
    return new Quote(request.isbn(), request.quantity(), unit * request.quantity(), request.currency());
  }

  public long total(int quantity, long unitCents) {
    return quantity * unitCents;
  }

  public Book find(String isbn) {
    return byIsbn.get(isbn);
  }

  public Book find(long id) {
    return byId.get(id);
  }
}
