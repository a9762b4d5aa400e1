package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryOrderServiceTest {

  private static final String EFFECTIVE_JAVA = "9780134685991";
  private static final String REFACTORING = "9780134757599";
  private static final String DDD = "9780321125217";

  private final Inventory inventory = new Inventory();
  private final OrderService orders = new InMemoryOrderService(new InMemoryCatalogService(), inventory);

  private static OrderRequest order(OrderLine... lines) {
    return new OrderRequest("c-1", Arrays.asList(lines));
  }

  @Test
  void placesAPricedOrderAndTakesTheStock() throws Exception {
    OrderConfirmation confirmation = orders.place(order(new OrderLine(EFFECTIVE_JAVA, 2), new OrderLine(REFACTORING, 1)));
    assertEquals(new OrderConfirmation("o-1", "c-1", List.of(
        new ConfirmedLine(EFFECTIVE_JAVA, "Effective Java", 2, 4499),
        new ConfirmedLine(REFACTORING, "Refactoring", 1, 4799)), 2 * 4499 + 4799), confirmation);
    assertEquals(8, inventory.available(EFFECTIVE_JAVA));
    assertEquals(2, inventory.available(REFACTORING));
    assertEquals("o-2", orders.place(order(new OrderLine(EFFECTIVE_JAVA, 1))).orderId());
  }

  @Test
  void placedOrdersCanBeLookedUp() throws Exception {
    OrderConfirmation placed = orders.place(order(new OrderLine(REFACTORING, 1)));
    assertEquals(placed, orders.get(placed.orderId()));
    OrderNotFoundException e = assertThrows(OrderNotFoundException.class, () -> orders.get("o-99"));
    assertEquals("No order with id o-99", e.getMessage());
    assertThrows(OrderNotFoundException.class, () -> orders.get(null));
  }

  @Test
  void aBadRequestIsRejectedWithAClearMessage() {
    assertMessage("customerId is required", new OrderRequest(" ", List.of(new OrderLine(EFFECTIVE_JAVA, 1))));
    assertMessage("an order needs at least one line", new OrderRequest("c-1", List.of()));
    assertMessage("an order needs at least one line", new OrderRequest("c-1", null));
    assertMessage("line 2: quantity must be at least 1, got 0",
        order(new OrderLine(EFFECTIVE_JAVA, 1), new OrderLine(REFACTORING, 0)));
    assertMessage("line 1: quantity must be at least 1, got -3", order(new OrderLine(EFFECTIVE_JAVA, -3)));
    assertMessage("line 1: isbn is required", order(new OrderLine(null, 1)));
    assertMessage("line 1: is null, not {\"isbn\": ..., \"quantity\": ...}", order((OrderLine) null));
    assertThrows(IllegalArgumentException.class, () -> orders.place(null));
    assertEquals(10, inventory.available(EFFECTIVE_JAVA), "a rejected order takes nothing");
  }

  private void assertMessage(String expected, OrderRequest request) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> orders.place(request)).getMessage());
  }

  @Test
  void anUnknownBookIsNotFoundAndTakesNothing() {
    BookNotFoundException e = assertThrows(BookNotFoundException.class,
        () -> orders.place(order(new OrderLine(EFFECTIVE_JAVA, 1), new OrderLine("9780000000000", 1))));
    assertEquals("9780000000000", e.isbn());
    assertEquals(10, inventory.available(EFFECTIVE_JAVA));
  }

  @Test
  void outOfStockNamesTheBookAndWhatIsAvailableAndTakesNothing() throws Exception {
    OutOfStockException e = assertThrows(OutOfStockException.class,
        () -> orders.place(order(new OrderLine(EFFECTIVE_JAVA, 1), new OrderLine(DDD, 1))));
    assertEquals("Not enough copies of 9780321125217 in stock: 1 requested, 0 available", e.getMessage());
    assertEquals(10, inventory.available(EFFECTIVE_JAVA));
    assertEquals("o-1", orders.place(order(new OrderLine(EFFECTIVE_JAVA, 1))).orderId(), "no id was used");
  }
}
