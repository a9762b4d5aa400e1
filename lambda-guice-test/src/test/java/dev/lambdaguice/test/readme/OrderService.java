package dev.lambdaguice.test.readme;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Numbers orders o-1, o-2, ...; refuses an order without items. */
@Singleton
public class OrderService {

  private final AtomicInteger last = new AtomicInteger();

  public String create(String customerId, List<String> items) {
    if (items == null || items.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one item");
    }
    return "o-" + last.incrementAndGet();
  }
}
