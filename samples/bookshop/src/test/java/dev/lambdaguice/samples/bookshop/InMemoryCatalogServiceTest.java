package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryCatalogServiceTest {

  private final CatalogService catalog = new InMemoryCatalogService();

  private static List<String> titles(List<Book> books) {
    return books.stream().map(Book::title).toList();
  }

  @Test
  void searchesAuthorsByCaseInsensitiveSubstringInCatalogOrder() {
    assertEquals(List.of("Clean Code", "Refactoring", "Designing Data-Intensive Applications"),
        titles(catalog.search(new BookQuery("MARTIN", null, null))));
  }

  @Test
  void searchesTitlesAndCombinesBothFilters() {
    assertEquals(List.of("Effective Java", "Java Concurrency in Practice"),
        titles(catalog.search(new BookQuery(null, "java", null))));
    assertEquals(List.of("Java Concurrency in Practice"),
        titles(catalog.search(new BookQuery("goetz", "java", null))));
    assertEquals(List.of(), catalog.search(new BookQuery("goetz", "refactoring", null)));
  }

  @Test
  void blankFiltersMatchEveryBookAndTheLimitCutsInOrder() {
    assertEquals(SeedData.BOOKS, catalog.search(new BookQuery(" ", "", null)));
    assertEquals(SeedData.BOOKS.subList(0, 2), catalog.search(new BookQuery(null, null, 2)));
  }

  @Test
  void theDefaultLimitApplies() {
    List<Book> many = java.util.stream.IntStream.range(0, 25)
        .mapToObj(i -> new Book("isbn-" + i, "Title " + i, "Author", 2000, 100)).toList();
    CatalogService big = new InMemoryCatalogService(many);
    assertEquals(CatalogService.DEFAULT_LIMIT, big.search(new BookQuery(null, null, null)).size());
    assertEquals(25, big.search(new BookQuery(null, null, 25)).size());
  }

  @Test
  void aLimitOutOfRangeIsRejected() {
    for (int limit : new int[] {0, -1, CatalogService.MAX_LIMIT + 1}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> catalog.search(new BookQuery(null, null, limit)));
      assertEquals("limit must be between 1 and 100, got " + limit, e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> catalog.search(null));
  }

  @Test
  void getsABookByIsbn() throws Exception {
    Book book = catalog.get("9780134685991");
    assertEquals(new Book("9780134685991", "Effective Java", "Joshua Bloch", 2018, 4499), book);
  }

  @Test
  void aMissingBookIsADomainExceptionNamingTheIsbn() {
    BookNotFoundException e = assertThrows(BookNotFoundException.class, () -> catalog.get("9780000000000"));
    assertEquals("No book with ISBN 9780000000000", e.getMessage());
    assertEquals("9780000000000", e.isbn());
    assertThrows(IllegalArgumentException.class, () -> catalog.get(" "));
  }
}
