package dev.lambdaguice.samples.bookshop;

/** Places orders and looks them up. Exposed to service calls as {@code orders}. */
public interface OrderService {

  /**
   * Reserves the copies of every line, all or none, and records the order.
   *
   * @throws IllegalArgumentException the request is null, has no customer id, no lines, a line without an ISBN, or a
   *     quantity below 1; the message names the line
   * @throws BookNotFoundException a line names a book the catalog does not have
   * @throws OutOfStockException a book has fewer copies in stock than the order asks for
   */
  OrderConfirmation place(OrderRequest request) throws BookNotFoundException, OutOfStockException;

  /**
   * The order with this id.
   *
   * @throws OrderNotFoundException there is none
   */
  OrderConfirmation get(String orderId) throws OrderNotFoundException;
}
