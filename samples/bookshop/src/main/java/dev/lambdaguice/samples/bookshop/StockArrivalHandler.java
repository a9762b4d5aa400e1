package dev.lambdaguice.samples.bookshop;

import dev.lambdaguice.handlers.sns.SnsMessage;
import dev.lambdaguice.handlers.sns.SnsMessageHandler;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Key {@code stock-arrivals}: the supplier's delivery notifications (SNS) add copies to the stock. A delivery of a
 * book the shop does not sell, or of no copies, fails the invocation, so SNS retries it and then sends it to the
 * dead-letter queue, where someone looks at it.
 */
final class StockArrivalHandler implements SnsMessageHandler<StockArrival> {

  private static final Logger LOG = Logger.getLogger(StockArrivalHandler.class.getName());

  private final CatalogService catalog;
  private final Inventory inventory;

  @Inject
  StockArrivalHandler(CatalogService catalog, Inventory inventory) {
    this.catalog = catalog;
    this.inventory = inventory;
  }

  @Override
  public void handle(StockArrival arrival, SnsMessage notification, LambdaContext context)
      throws BookNotFoundException {
    catalog.get(arrival.isbn());
    int inStock = inventory.restock(arrival.isbn(), arrival.copies());
    LOG.info("Restocked " + arrival.copies() + " copies of " + arrival.isbn() + " (notification "
        + notification.messageId() + "): " + inStock + " in stock");
  }
}
