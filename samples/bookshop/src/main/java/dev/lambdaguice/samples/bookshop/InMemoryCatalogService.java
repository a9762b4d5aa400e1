package dev.lambdaguice.samples.bookshop;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The catalog held in memory, read-only after construction, so it is safe to share between threads. */
final class InMemoryCatalogService implements CatalogService {

  private final Map<String, Book> books = new LinkedHashMap<>();

  @Inject
  InMemoryCatalogService() {
    this(SeedData.BOOKS);
  }

  InMemoryCatalogService(List<Book> books) {
    books.forEach(book -> this.books.put(book.isbn(), book));
  }

  @Override
  public List<Book> search(BookQuery query) {
    if (query == null) {
      throw new IllegalArgumentException("a search needs a query, like {\"author\": \"bloch\", \"limit\": 5}");
    }
    int limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return books.values().stream()
        .filter(book -> contains(book.author(), query.author()) && contains(book.title(), query.title()))
        .limit(limit)
        .toList();
  }

  @Override
  public Book get(String isbn) throws BookNotFoundException {
    if (isbn == null || isbn.isBlank()) {
      throw new IllegalArgumentException("isbn is required");
    }
    Book book = books.get(isbn);
    if (book == null) {
      throw new BookNotFoundException(isbn);
    }
    return book;
  }

  private static boolean contains(String text, String part) {
    return part == null || part.isBlank() || text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }
}
