package dev.lambdaguice.samples.bookshop;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The copies in stock per ISBN. Thread-safe: a reservation checks and takes all its copies under one lock. */
final class Inventory {

  private final Map<String, Integer> stock;

  @Inject
  Inventory() {
    this(SeedData.STOCK);
  }

  Inventory(Map<String, Integer> stock) {
    this.stock = new HashMap<>(stock);
  }

  /** Copies of {@code isbn} in stock; 0 for a book never stocked. */
  synchronized int available(String isbn) {
    return stock.getOrDefault(isbn, 0);
  }

  /**
   * Takes the copies of every line out of stock, or none if any book has too few (lines naming the same book add
   * up).
   */
  synchronized void reserve(List<OrderLine> lines) throws OutOfStockException {
    Map<String, Long> wanted = new LinkedHashMap<>();
    for (OrderLine line : lines) {
      wanted.merge(line.isbn(), (long) line.quantity(), Long::sum);
    }
    for (Map.Entry<String, Long> entry : wanted.entrySet()) {
      int available = available(entry.getKey());
      if (entry.getValue() > available) {
        throw new OutOfStockException(entry.getKey(), entry.getValue(), available);
      }
    }
    wanted.forEach((isbn, quantity) -> stock.put(isbn, available(isbn) - quantity.intValue()));
  }

  /**
   * Adds {@code copies} of {@code isbn} to the stock; returns how many are in stock now.
   *
   * @throws IllegalArgumentException {@code copies} is not positive
   */
  synchronized int restock(String isbn, int copies) {
    if (copies <= 0) {
      throw new IllegalArgumentException("a delivery brings at least one copy, not " + copies);
    }
    return stock.merge(isbn, copies, Integer::sum);
  }
}
