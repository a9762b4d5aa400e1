package dev.lambdaguice.handlers.sqs;

import dev.lambdaguice.runtime.guice.LambdaContext;

/** A typed record handler: fails orders with a negative price. Every call goes to the {@link Journal}. */
public final class OrderHandler implements SqsRecordHandler<Order> {

  @Override
  public void handle(Order order, SqsMessage message, LambdaContext context) {
    Journal.add(message, context.requestId());
    if (order == null || order.price() < 0) {
      throw new IllegalArgumentException("an order needs a price of 0 or more");
    }
  }
}
