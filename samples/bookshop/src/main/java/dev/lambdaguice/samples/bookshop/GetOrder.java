package dev.lambdaguice.samples.bookshop;

import dev.lambdaguice.handlers.http.HttpRequest;
import dev.lambdaguice.handlers.http.HttpRoute;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** {@code GET /orders/{id}}: the confirmation; {@link OrderNotFoundException} is mapped to 404. */
@Singleton
final class GetOrder implements HttpRoute<Void, OrderConfirmation> {

  private final OrderService orders;

  @Inject
  GetOrder(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public OrderConfirmation handle(HttpRequest<Void> request, LambdaContext context) throws OrderNotFoundException {
    return orders.get(request.pathParameter("id"));
  }
}
