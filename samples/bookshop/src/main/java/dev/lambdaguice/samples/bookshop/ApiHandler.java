package dev.lambdaguice.samples.bookshop;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code api} handler: the bookshop's HTTP API behind an API Gateway HTTP API (payload format 2.0). It routes
 * on the method and {@code rawPath}, so it serves a {@code $default} route as well as one route per path:
 * <ul>
 *   <li>{@code GET /books?author=..&title=..&limit=..}: 200 with the matching books; 400 for a bad limit;
 *   <li>{@code GET /books/{isbn}}: 200 with the book, 404 when there is none;
 *   <li>{@code POST /orders} with an {@link OrderRequest} as JSON: 201 with the {@link OrderConfirmation} and its
 *       {@code location}; 400 for a body that is not a valid order; 409 when a book is out of stock;
 *   <li>{@code GET /orders/{id}}: 200 with the confirmation, 404 when there is none.
 * </ul>
 * Other paths are 404, other methods on these paths 405 with {@code allow}. Error bodies are {@link ApiError}s.
 * Only the domain's failures become statuses: any other exception propagates, and the runtime reports it.
 */
public final class ApiHandler implements LambdaHandler<HttpApiRequest, HttpApiResponse> {

  private static final String ORDER_EXAMPLE =
      "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 1}]}";
  private static final Pattern JSON_PATH = Pattern.compile(" path (\\$\\S*)");

  private final CatalogService catalog;
  private final OrderService orders;
  private final Gson gson;

  @Inject
  ApiHandler(CatalogService catalog, OrderService orders, Gson gson) {
    this.catalog = catalog;
    this.orders = orders;
    this.gson = gson;
  }

  @Override
  public HttpApiResponse handle(HttpApiRequest request, LambdaContext context) {
    String method = request.method();
    if (request.rawPath() == null || method == null) {
      throw new IllegalArgumentException("The api handler expects an API Gateway HTTP API event (payload format"
          + " 2.0) with \"rawPath\" and \"requestContext.http.method\"");
    }
    List<String> path = request.pathSegments();
    String resource = path.isEmpty() ? "" : path.get(0);
    if (path.size() == 1 && resource.equals("books")) {
      return method.equals("GET") ? searchBooks(request) : notAllowed("GET");
    }
    if (path.size() == 2 && resource.equals("books")) {
      return method.equals("GET") ? getBook(request.pathParameter("isbn", path.get(1))) : notAllowed("GET");
    }
    if (path.size() == 1 && resource.equals("orders")) {
      return method.equals("POST") ? placeOrder(request) : notAllowed("POST");
    }
    if (path.size() == 2 && resource.equals("orders")) {
      return method.equals("GET") ? getOrder(request.pathParameter("id", path.get(1))) : notAllowed("GET");
    }
    return error(404, "No resource at " + request.rawPath());
  }

  private HttpApiResponse searchBooks(HttpApiRequest request) {
    String limit = request.queryParameter("limit");
    try {
      BookQuery query = new BookQuery(request.queryParameter("author"), request.queryParameter("title"),
          limit == null ? null : Integer.valueOf(limit));
      return json(200, catalog.search(query));
    } catch (NumberFormatException e) {
      return error(400, "limit must be a whole number between 1 and " + CatalogService.MAX_LIMIT);
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
  }

  private HttpApiResponse getBook(String isbn) {
    try {
      return json(200, catalog.get(isbn));
    } catch (BookNotFoundException e) {
      return error(404, e.getMessage());
    }
  }

  private HttpApiResponse placeOrder(HttpApiRequest request) {
    String body;
    try {
      body = request.bodyText();
    } catch (IllegalArgumentException e) {
      return error(400, "The body is marked as base64 but is not valid base64");
    }
    OrderRequest order;
    try {
      order = gson.fromJson(body, OrderRequest.class);
    } catch (JsonParseException e) {
      return error(400, "The body is not a JSON order" + location(e) + "; send one like " + ORDER_EXAMPLE);
    }
    if (order == null) {
      return error(400, "POST /orders needs a JSON body, like " + ORDER_EXAMPLE);
    }
    try {
      OrderConfirmation confirmation = orders.place(order);
      return json(201, confirmation).withHeader("location", "/orders/" + confirmation.orderId());
    } catch (IllegalArgumentException | BookNotFoundException e) {
      return error(400, e.getMessage());
    } catch (OutOfStockException e) {
      return error(409, e.getMessage());
    }
  }

  private HttpApiResponse getOrder(String orderId) {
    try {
      return json(200, orders.get(orderId));
    } catch (OrderNotFoundException e) {
      return error(404, e.getMessage());
    }
  }

  private HttpApiResponse json(int status, Object value) {
    return HttpApiResponse.json(status, gson.toJson(value));
  }

  private HttpApiResponse error(int status, String message) {
    return HttpApiResponse.json(status, gson.toJson(new ApiError(message)));
  }

  /** Where Gson found the problem, like {@code " (at $.lines[0].quantity)"}, or nothing if it does not say. */
  private static String location(JsonParseException e) {
    Matcher path = JSON_PATH.matcher(String.valueOf(e.getMessage()));
    return path.find() ? " (at " + path.group(1) + ")" : "";
  }

  private HttpApiResponse notAllowed(String allowed) {
    return error(405, "Only " + allowed + " is allowed here").withHeader("allow", allowed);
  }
}
