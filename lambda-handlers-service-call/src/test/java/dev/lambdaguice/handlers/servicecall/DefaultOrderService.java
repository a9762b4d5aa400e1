package dev.lambdaguice.handlers.servicecall;

import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fixture: the implementation behind {@link OrderService}; package-private, and its extra method is not exposed. It
 * takes nulls anywhere, so that hostile-input tests can tell its exceptions (only from reject and fail) from others.
 */
final class DefaultOrderService implements OrderService {

  private final Invocations invocations;

  @Inject
  DefaultOrderService(Invocations invocations) {
    this.invocations = invocations;
  }

  @Override
  public Receipt place(Order order) {
    invocations.record("OrderService.place");
    return order == null ? new Receipt(null, 0) : new Receipt(order.id(), quantity(order.lines()));
  }

  @Override
  public Map<String, Line> bySku(List<Line> lines) {
    invocations.record("OrderService.bySku");
    Map<String, Line> bySku = new LinkedHashMap<>();
    for (Line line : lines == null ? List.<Line>of() : lines) {
      if (line != null) {
        bySku.put(line.sku(), line);
      }
    }
    return bySku;
  }

  @Override
  public int total(Map<String, Line> lines) {
    invocations.record("OrderService.total");
    return lines == null ? 0 : quantity(lines.values());
  }

  private static int quantity(Collection<Line> lines) {
    return lines == null ? 0 : lines.stream().filter(Objects::nonNull).mapToInt(Line::quantity).sum();
  }

  @Override
  public Priority escalate(Priority priority) {
    invocations.record("OrderService.escalate");
    return priority == null ? null : Priority.HIGH;
  }

  @Override
  public void cancel(String orderId) {
    invocations.record("OrderService.cancel");
  }

  @Override
  public String reject(String reason) throws OrderRejectedException {
    invocations.record("OrderService.reject");
    throw new OrderRejectedException("rejected by policy");
  }

  @Override
  public String fail(String reason) {
    invocations.record("OrderService.fail");
    throw new IllegalStateException("the order store is down");
  }

  @Override
  public List<String> audit(String orderId) {
    invocations.record("OrderService.audit");
    return List.of("created", "placed");
  }

  @Override
  public String describe(Order order) {
    invocations.record("OrderService.describe");
    return OrderService.super.describe(order);
  }

  /** Public, but not in the exposed interface: not callable. */
  public String secretAdmin() {
    invocations.record("DefaultOrderService.secretAdmin");
    return "admin";
  }

  @Override
  public boolean equals(Object other) {
    invocations.record("DefaultOrderService.equals");
    return this == other;
  }

  @Override
  public int hashCode() {
    invocations.record("DefaultOrderService.hashCode");
    return 1;
  }

  @Override
  public String toString() {
    invocations.record("DefaultOrderService.toString");
    return "DefaultOrderService";
  }
}
