package dev.lambdaguice.samples.bookshop;

import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.ResponseStream;
import dev.lambdaguice.runtime.guice.StreamingHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The stock export, streamed to a function URL with {@code InvokeMode: RESPONSE_STREAM}: every book of the catalog
 * with its copies in stock, one JSON object per line ({@code application/x-ndjson}), each line flushed as soon as
 * it is written. With a real catalog each page would be a database read and the caller would get the first lines
 * while later pages are still being read; here {@code ?pause=<ms>} waits after each line so that curl shows them
 * arriving one by one.
 *
 * <p>The status and headers go out first, as the function URL prelude ({@link ResponseStream#httpResponse}); a bad
 * {@code pause} is answered 400 with a JSON message, before any line.
 */
@Singleton
final class StockExport implements StreamingHandler<ExportRequest> {

  private static final Map<String, String> JSON = Map.of("content-type", "application/json");
  private static final Map<String, String> JSON_LINES = Map.of("content-type", "application/x-ndjson");

  private final CatalogService catalog;
  private final Inventory inventory;

  @Inject
  StockExport(CatalogService catalog, Inventory inventory) {
    this.catalog = catalog;
    this.inventory = inventory;
  }

  @Override
  public void handle(ExportRequest request, ResponseStream out, LambdaContext context)
      throws IOException, InterruptedException {
    int pause;
    try {
      pause = request.pauseMillis();
    } catch (IllegalArgumentException badPause) {
      out.httpResponse(400, JSON, List.of()).writeJsonLine(Map.of("message", badPause.getMessage()));
      return;
    }
    out.httpResponse(200, JSON_LINES, List.of());
    for (Book book : catalog.search(new BookQuery(null, null, CatalogService.MAX_LIMIT))) {
      out.writeJsonLine(new StockLine(
          book.isbn(), book.title(), book.author(), book.priceCents(), inventory.available(book.isbn())));
      out.flush();
      if (pause > 0) {
        Thread.sleep(pause);
      }
    }
  }
}
