package dev.lambdaguice.samples.bookshop;

import java.util.List;

/** The books the shop sells. Exposed to service calls as {@code catalog}. */
public interface CatalogService {

  /** Books returned by a search that gives no limit. */
  int DEFAULT_LIMIT = 10;

  /** The largest limit a search may give. */
  int MAX_LIMIT = 100;

  /**
   * The books matching {@code query}, in catalog order.
   *
   * @throws IllegalArgumentException the query is null, or its limit is out of range
   */
  List<Book> search(BookQuery query);

  /**
   * The book with this ISBN.
   *
   * @throws BookNotFoundException there is none
   * @throws IllegalArgumentException the ISBN is null or blank
   */
  Book get(String isbn) throws BookNotFoundException;
}
