package dev.lambdaguice.handlers.servicecall;

import java.util.List;
import java.util.Map;

/** Fixture: a service exposed as an interface (alias {@code orders}), bound to {@link DefaultOrderService}. */
public interface OrderService extends Auditable {

  Receipt place(Order order);

  Map<String, Line> bySku(List<Line> lines);

  int total(Map<String, Line> lines);

  Priority escalate(Priority priority);

  void cancel(String orderId);

  String reject(String reason) throws OrderRejectedException;

  String fail(String reason);

  /** Redeclares Object's equals: still not callable. */
  @Override
  boolean equals(Object other);

  default String describe(Order order) {
    return order == null ? "no order"
        : "order " + order.id() + " with " + (order.lines() == null ? 0 : order.lines().size()) + " lines";
  }

  /** Not callable: static. */
  static OrderService none() {
    Tripwires.trip("OrderService.none");
    return null;
  }
}
