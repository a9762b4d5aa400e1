package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InventoryTest {

  @Test
  void aReservationTakesItsCopies() throws Exception {
    Inventory inventory = new Inventory(Map.of("a", 5, "b", 2));
    inventory.reserve(List.of(new OrderLine("a", 3), new OrderLine("b", 2)));
    assertEquals(2, inventory.available("a"));
    assertEquals(0, inventory.available("b"));
  }

  @Test
  void aShortBookFailsTheWholeReservationNamingTheBookAndTheCount() {
    Inventory inventory = new Inventory(Map.of("a", 5, "b", 2));
    OutOfStockException e = assertThrows(OutOfStockException.class,
        () -> inventory.reserve(List.of(new OrderLine("a", 1), new OrderLine("b", 3))));
    assertEquals("Not enough copies of b in stock: 3 requested, 2 available", e.getMessage());
    assertEquals("b", e.isbn());
    assertEquals(2, e.available());
    assertEquals(5, inventory.available("a"), "nothing is taken when one line fails");
    assertEquals(2, inventory.available("b"));
  }

  @Test
  void linesOfOneBookAddUp() {
    Inventory inventory = new Inventory(Map.of("a", 5));
    OutOfStockException e = assertThrows(OutOfStockException.class,
        () -> inventory.reserve(List.of(new OrderLine("a", 3), new OrderLine("a", 3))));
    assertEquals(6, e.requested());
    assertThrows(OutOfStockException.class, () -> inventory.reserve(
        List.of(new OrderLine("a", Integer.MAX_VALUE), new OrderLine("a", Integer.MAX_VALUE))), "no overflow");
    assertEquals(5, inventory.available("a"));
  }

  @Test
  void aBookNeverStockedHasNone() {
    Inventory inventory = new Inventory(Map.of());
    assertEquals(0, inventory.available("x"));
    assertThrows(OutOfStockException.class, () -> inventory.reserve(List.of(new OrderLine("x", 1))));
  }

  @Test
  void concurrentReservationsNeverSellACopyTwice() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 1000; round++) {
        Inventory inventory = new Inventory(Map.of("a", 3));
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger sold = new AtomicInteger();
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          tasks.add(pool.submit(() -> {
            start.await();
            try {
              inventory.reserve(List.of(new OrderLine("a", 1)));
              sold.incrementAndGet();
            } catch (OutOfStockException e) {
              // expected once the copies are gone
            }
            return null;
          }));
        }
        for (Future<?> task : tasks) {
          task.get();
        }
        assertEquals(3, sold.get(), "round " + round);
        assertEquals(0, inventory.available("a"), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
