package dev.lambdaguice.handlers.servicecall;

import java.util.List;

/** Fixture: a super-interface whose method the exposed {@link OrderService} inherits. */
public interface Auditable {
  List<String> audit(String orderId);
}
