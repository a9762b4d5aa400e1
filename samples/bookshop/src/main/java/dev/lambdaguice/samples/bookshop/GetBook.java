package dev.lambdaguice.samples.bookshop;

import dev.lambdaguice.handlers.http.HttpRequest;
import dev.lambdaguice.handlers.http.HttpRoute;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** {@code GET /books/{isbn}}: the book; {@link BookNotFoundException} is mapped to 404 in {@link BookshopModule}. */
@Singleton
final class GetBook implements HttpRoute<Void, Book> {

  private final CatalogService catalog;

  @Inject
  GetBook(CatalogService catalog) {
    this.catalog = catalog;
  }

  @Override
  public Book handle(HttpRequest<Void> request, LambdaContext context) throws BookNotFoundException {
    return catalog.get(request.pathParameter("isbn"));
  }
}
