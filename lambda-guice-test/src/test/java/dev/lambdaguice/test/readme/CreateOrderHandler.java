package dev.lambdaguice.test.readme;

import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import jakarta.inject.Inject;

/** README.md's "Writing a handler" example. */
public final class CreateOrderHandler implements LambdaHandler<CreateOrder, OrderCreated> {
  private final OrderService orders;

  @Inject
  CreateOrderHandler(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public OrderCreated handle(CreateOrder event, LambdaContext context) {
    return new OrderCreated(orders.create(event.customerId(), event.items()));
  }
}
