package dev.lambdaguice.handlers.sqs;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A service exposed to service calls in the tests: reserving stock. Notes every reservation in a test-only queue.
 */
public class Inventory {

  private static final Queue<String> RESERVED = new ConcurrentLinkedQueue<>();

  /** Reserves {@code count} of {@code sku}; fails for a count below 1. */
  public void reserve(String sku, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a reservation needs a count of 1 or more");
    }
    RESERVED.add(sku + "x" + count);
  }

  /** The reservations made so far whose sku starts with {@code prefix}. */
  static List<String> reserved(String prefix) {
    return RESERVED.stream().filter(r -> r.startsWith(prefix)).toList();
  }
}
