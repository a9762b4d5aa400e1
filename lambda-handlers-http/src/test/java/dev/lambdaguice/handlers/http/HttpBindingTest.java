package dev.lambdaguice.handlers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding routes with plain injectors: merging, and the mistakes reported at injector creation. */
class HttpBindingTest {

  private static final class BookRoutes extends AbstractModule {
    @Override
    protected void configure() {
      HttpHandlers.route(binder(), "api", "GET /books/{isbn}").to(ShopModule.GetBook.class);
    }
  }

  private static final class OrderRoutes extends AbstractModule {
    @Override
    protected void configure() {
      HttpHandlers.route(binder(), "api", "POST /orders").to(ShopModule.PlaceOrder.class);
      HttpHandlers.errors(binder(), "api").map(ShopModule.BookMissingException.class, 404);
    }
  }

  private static final class OtherBookRoute extends AbstractModule {
    @Override
    protected void configure() {
      HttpHandlers.route(binder(), "api", "GET /books/{id}").to(ShopModule.ListBooks.class);
    }
  }

  @SuppressWarnings("unchecked")
  private static LambdaHandler<JsonObject, JsonObject> handler(Module... modules) {
    Map<String, Provider<LambdaHandler<?, ?>>> handlers = Guice.createInjector(modules)
        .getInstance(Key.get(new TypeLiteral<Map<String, Provider<LambdaHandler<?, ?>>>>() {}));
    return (LambdaHandler<JsonObject, JsonObject>) handlers.get("api").get();
  }

  private static JsonObject get(String path) {
    return JsonParser.parseString("{\"version\": \"2.0\", \"rawPath\": \"" + path + "\", \"requestContext\":"
        + " {\"http\": {\"method\": \"GET\"}}}").getAsJsonObject();
  }

  private static String creationError(Module... modules) {
    return assertThrows(CreationException.class, () -> Guice.createInjector(modules)).getMessage();
  }

  @Test
  void routesAndErrorMappingsFromSeveralModulesMergeUnderOneKey() throws Exception {
    LambdaHandler<JsonObject, JsonObject> api = handler(new BookRoutes(), new OrderRoutes());
    assertEquals(200, api.handle(get("/books/9780134685991"), null).get("statusCode").getAsInt());
    assertEquals(404, api.handle(get("/books/1"), null).get("statusCode").getAsInt(), "mapped in OrderRoutes");
    assertEquals("POST", api.handle(get("/orders"), null).getAsJsonObject("headers").get("allow").getAsString());
  }

  @Test
  void twoRoutesWithOneMethodAndPathShapeFailNamingBoth() {
    String message = creationError(new BookRoutes(), new OtherBookRoute());
    assertTrue(message.contains("GET /books/{}"), message);
    assertTrue(message.contains("HttpBindingTest$BookRoutes.configure"), message);
    assertTrue(message.contains("HttpBindingTest$OtherBookRoute.configure"), message);
  }

  @Test
  void aMalformedRouteFailsAtTheBindingsLine() {
    String message = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        HttpHandlers.route(binder(), "api", "GET /books/{").to(ShopModule.GetBook.class);
        HttpHandlers.route(binder(), "api", "GET /files/{path+}/more").to(ShopModule.GetFile.class);
        HttpHandlers.route(binder(), "api", "get /books").to(ShopModule.ListBooks.class);
        HttpHandlers.route(binder(), "api", "GET books").to(ShopModule.ListBooks.class);
        HttpHandlers.route(binder(), "api", "GET /a/{x}/{x}").to(ShopModule.ListBooks.class);
      }
    });
    assertTrue(message.contains("HTTP route 'GET /books/{' of handler 'api' is malformed: the segment '{' is not a"
        + " parameter like {isbn} or {proxy+}"), message);
    assertTrue(message.contains("a greedy parameter {name+} must be the last segment"), message);
    assertTrue(message.contains("a route is a method in capitals and a path, like \"GET /books/{isbn}\""), message);
    assertTrue(message.contains("the path must start with /"), message);
    assertTrue(message.contains("the parameter {x} appears twice"), message);
    assertTrue(message.contains(".configure(HttpBindingTest.java:"), "the user's line: " + message);
    assertTrue(message.contains("5 errors"), message);
  }

  @Test
  void badErrorMappingsAndBasePathsFail() {
    String message = creationError(new BookRoutes(), new OrderRoutes(), new AbstractModule() {
      @Override
      protected void configure() {
        HttpHandlers.errors(binder(), "api").map(ShopModule.BookMissingException.class, 410)
            .map(IllegalStateException.class, 200);
        HttpHandlers.basePath(binder(), "api", "v1/");
      }
    });
    assertTrue(message.contains("BookMissingException"), "mapped twice: " + message);
    assertTrue(message.contains("must be 400 to 599, got 200"), message);
    assertTrue(message.contains("The base path 'v1/' of handler 'api' must start with / and not end with one"),
        message);
  }
}
