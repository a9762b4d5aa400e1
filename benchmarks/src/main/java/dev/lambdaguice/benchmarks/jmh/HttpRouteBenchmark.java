package dev.lambdaguice.benchmarks.jmh;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.AbstractModule;
import dev.lambdaguice.handlers.http.HttpHandlers;
import dev.lambdaguice.handlers.http.HttpRequest;
import dev.lambdaguice.handlers.http.HttpResponse;
import dev.lambdaguice.handlers.http.HttpRoute;
import dev.lambdaguice.runtime.guice.InvocationPath;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One HTTP API request (payload 2.0) through the handler {@code lambda-handlers-http} binds, under a key with
 * {@value #ROUTES} routes, per request:
 * <ul>
 *   <li>{@code *Direct}: the route's work alone, the service method called with arguments built beforehand (the
 *       baseline);
 *   <li>{@code *Handler}: the router, from the parsed event (the {@code JsonObject} the runtime hands it) to the
 *       response object: reading the event's shape, headers and query, matching the path among the routes, the
 *       {@code Accept} and content-type checks, reading a JSON body, the route, writing the response shape. The
 *       module's cost is {@code *Handler - *Direct};
 *   <li>{@code *Invocation}: the runtime's whole in-process path, event bytes to response bytes.
 * </ul>
 * {@code get}: {@code GET /books/{isbn}} answering a record; {@code post}: {@code POST /orders} with a JSON body read
 * as a record, answering {@code 201} with a {@code location} header.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class HttpRouteBenchmark {

  static final int ROUTES = 12;

  /** A book, the answer of {@code GET /books/{isbn}}. */
  public record Book(String isbn, String title, String author, int year, int priceCents) {}

  /** The body of {@code POST /orders}. */
  public record Order(String customerId, String isbn, int quantity) {}

  /** The answer of {@code POST /orders}. */
  public record Confirmation(String orderId, int totalCents) {}

  /** The routes' service: constant answers, so that the benchmark measures the module. */
  @Singleton
  public static final class Shop {
    private final Book book = new Book("9780134685991", "Effective Java", "Joshua Bloch", 2018, 4499);

    public Book book(String isbn) {
      return book;
    }

    public Confirmation place(Order order) {
      return new Confirmation("o-1", order.quantity() * book.priceCents());
    }
  }

  /** {@code GET /books/{isbn}}. */
  @Singleton
  public static final class GetBook implements HttpRoute<Void, Book> {
    private final Shop shop;

    @Inject
    GetBook(Shop shop) {
      this.shop = shop;
    }

    @Override
    public Book handle(HttpRequest<Void> request, LambdaContext context) {
      return shop.book(request.pathParameter("isbn"));
    }
  }

  /** {@code POST /orders}. */
  @Singleton
  public static final class PlaceOrder implements HttpRoute<Order, HttpResponse> {
    private final Shop shop;

    @Inject
    PlaceOrder(Shop shop) {
      this.shop = shop;
    }

    @Override
    public HttpResponse handle(HttpRequest<Order> request, LambdaContext context) {
      Confirmation confirmation = shop.place(request.body());
      return HttpResponse.json(201, confirmation).header("location", "/orders/" + confirmation.orderId());
    }
  }

  /** Binds the two measured routes among others, as an API of {@value #ROUTES} routes would. */
  static final class ApiModule extends AbstractModule {
    @Override
    protected void configure() {
      String[] others = {"GET /authors", "GET /authors/{id}", "GET /authors/{id}/books", "GET /books",
          "PUT /books/{isbn}", "DELETE /books/{isbn}", "GET /books/{isbn}/reviews", "GET /orders/{id}",
          "DELETE /orders/{id}", "GET /files/{path+}"};
      for (String route : others) {
        HttpHandlers.route(binder(), "api", route).to(GetBook.class);
      }
      HttpHandlers.route(binder(), "api", "GET /books/{isbn}").to(GetBook.class);
      HttpHandlers.route(binder(), "api", "POST /orders").to(PlaceOrder.class);
    }
  }

  private InvocationPath path;
  private LambdaHandler<Object, Object> router;
  private LambdaContext context;
  private Shop shop;
  private Order order;
  private JsonObject get;
  private JsonObject post;
  private byte[] getBytes;
  private byte[] postBytes;

  @Setup
  public void setUp() throws Exception {
    path = InvocationPath.create("api", new ApiModule());
    router = path.handler();
    context = path.context();
    shop = path.injector().getInstance(Shop.class);
    order = new Order("c-1", "9780134685991", 2);
    get = event("GET", "/books/9780134685991", null);
    post = event("POST", "/orders", "{\"customerId\":\"c-1\",\"isbn\":\"9780134685991\",\"quantity\":2}");
    Gson gson = path.injector().getInstance(Gson.class);
    getBytes = gson.toJson(get).getBytes(StandardCharsets.UTF_8);
    postBytes = gson.toJson(post).getBytes(StandardCharsets.UTF_8);
    check(getHandler(), 200);
    check(postHandler(), 201);
    check(firstValue(getInvocation()), 200);
    check(firstValue(postInvocation()), 201);
  }

  /** An HTTP API event as API Gateway sends it for the {@code $default} stage, with a browser's usual headers. */
  private static JsonObject event(String method, String path, String body) {
    String json = """
        {"version": "2.0", "routeKey": "$default", "rawPath": "%s", "rawQueryString": "",
         "headers": {"accept": "application/json", "accept-encoding": "gzip, deflate, br",
          "content-type": "application/json", "host": "abc123.execute-api.eu-west-1.amazonaws.com",
          "user-agent": "Mozilla/5.0", "x-amzn-trace-id": "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e",
          "x-forwarded-for": "198.51.100.7", "x-forwarded-port": "443", "x-forwarded-proto": "https"},
         "requestContext": {"accountId": "123456789012", "apiId": "abc123",
          "domainName": "abc123.execute-api.eu-west-1.amazonaws.com", "domainPrefix": "abc123",
          "http": {"method": "%s", "path": "%s", "protocol": "HTTP/1.1", "sourceIp": "198.51.100.7",
           "userAgent": "Mozilla/5.0"},
          "requestId": "JKJaXmPLvHcESHA=", "routeKey": "$default", "stage": "$default",
          "time": "04/Dec/2026:12:00:00 +0000", "timeEpoch": 1796385600000},
         "isBase64Encoded": false}
        """.formatted(path, method, path);
    JsonObject event = JsonParser.parseString(json).getAsJsonObject();
    if (body != null) {
      event.addProperty("body", body);
    }
    return event;
  }

  private static JsonObject firstValue(byte[] body) {
    return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
  }

  private static void check(Object response, int status) {
    int actual = ((JsonObject) response).get("statusCode").getAsInt();
    if (actual != status) {
      throw new IllegalStateException("expected " + status + ", got " + response);
    }
  }

  @Benchmark
  public Object getDirect() {
    return shop.book("9780134685991");
  }

  @Benchmark
  public Object getHandler() throws Exception {
    return router.handle(get, context);
  }

  @Benchmark
  public byte[] getInvocation() throws Exception {
    return path.invoke(getBytes);
  }

  @Benchmark
  public Object postDirect() {
    return shop.place(order);
  }

  @Benchmark
  public Object postHandler() throws Exception {
    return router.handle(post, context);
  }

  @Benchmark
  public byte[] postInvocation() throws Exception {
    return path.invoke(postBytes);
  }
}
