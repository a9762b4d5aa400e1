package dev.lambdaguice.samples.bookshop;

import dev.lambdaguice.handlers.http.HttpException;
import dev.lambdaguice.handlers.http.HttpRequest;
import dev.lambdaguice.handlers.http.HttpRoute;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code GET /books?author=..&title=..&limit=..}: the matching books; 400 for a limit that is not 1 to 100. */
@Singleton
final class SearchBooks implements HttpRoute<Void, List<Book>> {

  private final CatalogService catalog;

  @Inject
  SearchBooks(CatalogService catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<Book> handle(HttpRequest<Void> request, LambdaContext context) {
    String limit = request.queryParameter("limit");
    try {
      return catalog.search(new BookQuery(request.queryParameter("author"), request.queryParameter("title"),
          limit == null ? null : Integer.valueOf(limit)));
    } catch (NumberFormatException e) {
      throw new HttpException(400, "limit must be a whole number between 1 and " + CatalogService.MAX_LIMIT);
    } catch (IllegalArgumentException e) {
      throw new HttpException(400, e.getMessage());
    }
  }
}
