package dev.lambdaguice.handlers.http;

import com.google.gson.JsonObject;
import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** The routes the end-to-end tests call, under the key {@value #KEY}, with the base path {@code /v1}. */
public final class ShopModule extends AbstractModule {

  static final String KEY = "shop";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

  @Override
  protected void configure() {
    HttpHandlers.route(binder(), KEY, "GET /books").to(ListBooks.class);
    HttpHandlers.route(binder(), KEY, "GET /books/{isbn}").to(GetBook.class);
    HttpHandlers.route(binder(), KEY, "POST /orders").to(PlaceOrder.class);
    HttpHandlers.route(binder(), KEY, "PUT /notes/{id}").to(SaveNote.class);
    HttpHandlers.route(binder(), KEY, "GET /files/{path+}").to(GetFile.class);
    HttpHandlers.route(binder(), KEY, "POST /uploads").to(Upload.class);
    HttpHandlers.route(binder(), KEY, "POST /documents").to(EchoDocument.class);
    HttpHandlers.route(binder(), KEY, "GET /greeting").to(Greeting.class);
    HttpHandlers.route(binder(), KEY, "ANY /anything").to(Anything.class);
    HttpHandlers.errors(binder(), KEY).map(BookMissingException.class, 404);
    HttpHandlers.basePath(binder(), KEY, "/v1");
  }

  record Book(String isbn, String title) {}

  record Line(String isbn, int quantity) {}

  record Order(String customerId, List<Line> lines) {}

  /** Everything a route can read of its request. */
  record Seen(HttpSource source, String method, String path, String rawPath, Map<String, String> pathParameters,
      Map<String, List<String>> query, String firstAuthor, List<String> tags, String accept,
      Map<String, String> cookies, String requestId, String sourceIp, String stage, int bodyBytes) {

    static Seen of(HttpRequest<?> request) {
      return new Seen(request.source(), request.method(), request.path(), request.rawPath(),
          request.pathParameters(), request.queryParameters(), request.queryParameter("author"),
          request.headers("X-Tag"), request.header("ACCEPT"), request.cookies(), request.requestId(),
          request.sourceIp(), request.stage(), request.bodyBytes().length);
    }
  }

  static final class BookMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    BookMissingException(String isbn) {
      super("No book with ISBN " + isbn);
    }
  }

  static final class ListBooks implements HttpRoute<Void, Seen> {
    @Override
    public Seen handle(HttpRequest<Void> request, LambdaContext context) {
      return Seen.of(request);
    }
  }

  static final class GetBook implements HttpRoute<Void, Book> {
    @Override
    public Book handle(HttpRequest<Void> request, LambdaContext context) throws BookMissingException {
      String isbn = request.pathParameter("isbn");
      if (isbn.equals("boom")) {
        throw new IllegalStateException("secret-internal-detail");
      }
      if (!isbn.replace("-", "").equals("9780134685991")) {
        throw new BookMissingException(isbn);
      }
      return new Book(isbn, "Effective Java");
    }
  }

  static final class PlaceOrder implements HttpRoute<Order, HttpResponse> {
    @Override
    public HttpResponse handle(HttpRequest<Order> request, LambdaContext context) {
      Order order = request.body();
      if (order.lines().isEmpty()) {
        throw new HttpException(422, "an order needs at least one line");
      }
      return HttpResponse.json(201, order).header("location", "/orders/o-1").header("x-tag", "one")
          .header("x-tag", "two").cookie("session=s-9; Secure; HttpOnly").cookie("theme=dark");
    }
  }

  static final class SaveNote implements HttpRoute<String, Void> {
    private static final Logger log = Logger.getLogger(SaveNote.class.getName());

    @Override
    public Void handle(HttpRequest<String> request, LambdaContext context) {
      log.info("note " + request.pathParameter("id") + " [" + request.body() + "]");
      return null;
    }
  }

  static final class GetFile implements HttpRoute<Void, HttpResponse> {
    @Override
    public HttpResponse handle(HttpRequest<Void> request, LambdaContext context) {
      return HttpResponse.bytes(200, PNG, "image/png").header("x-path", request.pathParameter("path"));
    }
  }

  static final class Upload implements HttpRoute<byte[], Map<String, Object>> {
    @Override
    public Map<String, Object> handle(HttpRequest<byte[]> request, LambdaContext context) {
      byte[] body = request.body();
      return Map.of("size", body.length, "name", request.queryParameter("name"),
          "png", new String(body, 1, 3, StandardCharsets.US_ASCII).equals("PNG"), "source", request.source());
    }
  }

  static final class EchoDocument implements HttpRoute<JsonObject, JsonObject> {
    @Override
    public JsonObject handle(HttpRequest<JsonObject> request, LambdaContext context) {
      return request.body();
    }
  }

  static final class Greeting implements HttpRoute<Void, HttpResponse> {
    @Override
    public HttpResponse handle(HttpRequest<Void> request, LambdaContext context) {
      return HttpResponse.text(200, "hello");
    }
  }

  static final class Anything implements HttpRoute<Void, String> {
    @Override
    public String handle(HttpRequest<Void> request, LambdaContext context) {
      return request.method();
    }
  }
}
