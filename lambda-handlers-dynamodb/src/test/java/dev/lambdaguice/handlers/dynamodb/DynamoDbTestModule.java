package dev.lambdaguice.handlers.dynamodb;

import com.google.gson.JsonObject;
import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The test keys, each journaling its changes: {@code books} ({@link Book}; a new image titled {@code fail} throws,
 * {@code error} throws an OutOfMemoryError), {@code typed} (the typed attribute maps), {@code json} (plain JSON).
 */
public final class DynamoDbTestModule extends AbstractModule {

  /** A book as the application stores it. */
  public record Book(String isbn, String title, BigDecimal price, int stock, BigDecimal exactTotal,
      Boolean inPrint, String discontinued, List<String> tags, List<Double> ratings, Publisher publisher) {}

  /** A nested map of the book. */
  public record Publisher(String name, Address address, List<Integer> editions) {}

  /** A map nested in a map. */
  public record Address(String city, String zip) {}

  @Override
  protected void configure() {
    DynamoDbHandlers.bind(binder(), "books").to(BookHandler.class);
    DynamoDbHandlers.bind(binder(), "typed").to(TypedHandler.class);
    DynamoDbHandlers.bind(binder(), "json").to(JsonHandler.class);
  }

  static final class BookHandler implements DynamoDbRecordHandler<Book> {
    @Override
    public void handle(DynamoDbChange<Book> change, LambdaContext context) {
      Journal.add(context.requestId(), change);
      String title = change.newImage().map(Book::title).orElse("");
      if (title.equals("fail")) {
        throw new IllegalStateException("the catalog is read-only");
      } else if (title.equals("error")) {
        throw new OutOfMemoryError("scripted error");
      }
    }
  }

  static final class TypedHandler implements DynamoDbRecordHandler<Map<String, AttributeValue>> {
    @Override
    public void handle(DynamoDbChange<Map<String, AttributeValue>> change, LambdaContext context) {
      Journal.add(context.requestId(), change);
    }
  }

  static final class JsonHandler implements DynamoDbRecordHandler<JsonObject> {
    @Override
    public void handle(DynamoDbChange<JsonObject> change, LambdaContext context) {
      Journal.add(context.requestId(), change);
    }
  }
}
