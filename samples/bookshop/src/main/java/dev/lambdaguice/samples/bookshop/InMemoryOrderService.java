package dev.lambdaguice.samples.bookshop;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders held in memory, with ids {@code o-1}, {@code o-2}, ... in the order they were placed. Thread-safe. The
 * orders live as long as the execution environment: this is a sample, not a store.
 */
final class InMemoryOrderService implements OrderService {

  private final CatalogService catalog;
  private final Inventory inventory;
  private final Map<String, OrderConfirmation> orders = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();

  @Inject
  InMemoryOrderService(CatalogService catalog, Inventory inventory) {
    this.catalog = catalog;
    this.inventory = inventory;
  }

  @Override
  public OrderConfirmation place(OrderRequest request) throws BookNotFoundException, OutOfStockException {
    validate(request);
    List<ConfirmedLine> lines = new ArrayList<>();
    long total = 0;
    for (OrderLine line : request.lines()) {
      Book book = catalog.get(line.isbn());
      lines.add(new ConfirmedLine(book.isbn(), book.title(), line.quantity(), book.priceCents()));
      total += book.priceCents() * line.quantity();
    }
    inventory.reserve(request.lines());
    OrderConfirmation confirmation =
        new OrderConfirmation("o-" + lastId.incrementAndGet(), request.customerId(), List.copyOf(lines), total);
    orders.put(confirmation.orderId(), confirmation);
    return confirmation;
  }

  @Override
  public OrderConfirmation get(String orderId) throws OrderNotFoundException {
    OrderConfirmation order = orderId == null ? null : orders.get(orderId);
    if (order == null) {
      throw new OrderNotFoundException(orderId);
    }
    return order;
  }

  private static void validate(OrderRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("an order is required, like {\"customerId\": \"c-1\", \"lines\": "
          + "[{\"isbn\": \"9780134685991\", \"quantity\": 1}]}");
    }
    if (request.customerId() == null || request.customerId().isBlank()) {
      throw new IllegalArgumentException("customerId is required");
    }
    if (request.lines() == null || request.lines().isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    for (int i = 0; i < request.lines().size(); i++) {
      OrderLine line = request.lines().get(i);
      String where = "line " + (i + 1) + ": ";
      if (line == null) {
        throw new IllegalArgumentException(where + "is null, not {\"isbn\": ..., \"quantity\": ...}");
      }
      if (line.isbn() == null || line.isbn().isBlank()) {
        throw new IllegalArgumentException(where + "isbn is required");
      }
      if (line.quantity() <= 0) {
        throw new IllegalArgumentException(where + "quantity must be at least 1, got " + line.quantity());
      }
    }
  }
}
