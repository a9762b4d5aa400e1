package dev.lambdaguice.samples.bookshop;

import dev.lambdaguice.handlers.http.HttpException;
import dev.lambdaguice.handlers.http.HttpRequest;
import dev.lambdaguice.handlers.http.HttpResponse;
import dev.lambdaguice.handlers.http.HttpRoute;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@code POST /orders} with an {@link OrderRequest}: 201 with the {@link OrderConfirmation} and its
 * {@code location}; 400 for an order that is not valid (a line naming a book the catalog does not have included);
 * {@link OutOfStockException} is mapped to 409 in {@link BookshopModule}.
 */
@Singleton
final class PlaceOrder implements HttpRoute<OrderRequest, HttpResponse> {

  private final OrderService orders;

  @Inject
  PlaceOrder(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public HttpResponse handle(HttpRequest<OrderRequest> request, LambdaContext context) throws OutOfStockException {
    try {
      OrderConfirmation confirmation = orders.place(request.body());
      return HttpResponse.json(201, confirmation).header("location", "/orders/" + confirmation.orderId());
    } catch (IllegalArgumentException | BookNotFoundException e) {
      throw new HttpException(400, e.getMessage());
    }
  }
}
