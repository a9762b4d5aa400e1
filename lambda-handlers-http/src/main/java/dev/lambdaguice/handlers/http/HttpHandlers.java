package dev.lambdaguice.handlers.http;

import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.TypeArguments;
import java.lang.reflect.Type;

/**
 * Serves HTTP requests from API Gateway REST APIs (payload 1.0), HTTP APIs (payload 2.0), function URLs and
 * Application Load Balancers under one handler key, routed by method and path template to typed
 * {@link HttpRoute}s:
 *
 * <pre>{@code
 * HttpHandlers.route(binder(), "api", "GET /books/{isbn}").to(GetBook.class);
 * HttpHandlers.route(binder(), "api", "POST /orders").to(PlaceOrder.class);
 * HttpHandlers.errors(binder(), "api").map(BookNotFoundException.class, 404);
 * }</pre>
 *
 * Routes of one key may come from several modules. A path no route matches is 404; a path whose routes have other
 * methods, 405 with {@code allow}. Two routes with the same method and path shape under one key, or a malformed
 * route, fail injector creation with an error at the binding's line.
 */
public final class HttpHandlers {

  private HttpHandlers() {}

  /**
   * Starts the binding of {@code route}, a method (or {@code ANY}) and a path template such as
   * {@code "GET /books/{isbn}"} or {@code "ANY /files/{path+}"}, under the handler key {@code key}.
   */
  public static RouteBindingBuilder route(Binder binder, String key, String route) {
    requireKey(key);
    Binder skipping = binder.skipSources(HttpHandlers.class, RouteBindingBuilder.class);
    skipping.install(new RouterModule(key));
    try {
      return new RouteBindingBuilder(skipping, key, RouteTemplate.parse(route));
    } catch (IllegalArgumentException e) {
      skipping.addError("HTTP route '%s' of handler '%s' is malformed: %s", route, key, e.getMessage());
      return new RouteBindingBuilder(skipping, key, null);
    }
  }

  /**
   * The statuses that exceptions thrown by the routes of {@code key} answer with. An exception of a mapped class (or
   * a subclass) is answered with its status and {@code {"message": <its message>}}, and is not logged, so route
   * handlers can throw their domain's exceptions:
   *
   * <pre>{@code
   * HttpHandlers.errors(binder(), "api").map(BookNotFoundException.class, 404).map(OutOfStockException.class, 409);
   * }</pre>
   *
   * The message goes to the caller: map only exceptions whose messages are meant for it.
   */
  public static ErrorMappings errors(Binder binder, String key) {
    requireKey(key);
    Binder skipping = binder.skipSources(HttpHandlers.class, ErrorMappings.class);
    skipping.install(new RouterModule(key));
    return new ErrorMappings(skipping, key);
  }

  /**
   * Adds a base path, such as {@code /v1}, removed from the start of request paths of {@code key} before routing:
   * the path of an API Gateway custom domain's API mapping, or an ALB listener rule's prefix. A path that does not
   * start with it is routed as it is; with several, the longest that fits is removed.
   */
  public static void basePath(Binder binder, String key, String basePath) {
    requireKey(key);
    Binder skipping = binder.skipSources(HttpHandlers.class);
    skipping.install(new RouterModule(key));
    if (basePath == null || !basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("{")) {
      skipping.addError("The base path '%s' of handler '%s' must start with / and not end with one, like /v1",
          basePath, key);
      return;
    }
    RouterModule.basePaths(skipping, key).addBinding().toInstance(basePath);
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
  }

  /** Ends a route: {@code to} names its handler. */
  public static final class RouteBindingBuilder {
    private final Binder binder;
    private final String key;
    private final RouteTemplate route;

    RouteBindingBuilder(Binder binder, String key, RouteTemplate route) {
      this.binder = binder;
      this.key = key;
      this.route = route;
    }

    /** Routes to the handler {@code type}, created by the injector. */
    public void to(Class<? extends HttpRoute<?, ?>> type) {
      to(Key.get(type));
    }

    /** Routes to the handler bound under {@code handlerKey}. */
    public void to(Key<? extends HttpRoute<?, ?>> handlerKey) {
      if (route == null) {
        return; // malformed: already reported
      }
      TypeLiteral<?> handlerType = handlerKey.getTypeLiteral();
      Type bodyType = TypeArguments.concrete(handlerType, HttpRoute.class, 0);
      if (bodyType == null) {
        binder.addError("HTTP route %s of handler '%s': %s does not declare a concrete body type; implement"
            + " HttpRoute<Body, Result> in a class with concrete types (Void for no body)", route, key, handlerType);
        return;
      }
      Type resultType = TypeArguments.concrete(handlerType, HttpRoute.class, 1);
      boolean jsonResult = resultType != null && !(resultType instanceof Class<?> c
          && (HttpResponse.class.isAssignableFrom(c) || c == Object.class || c == Void.class));
      RouterModule.routes(binder, key).addBinding(RouteKey.of(route))
          .toInstance(new Route(route, bodyType, jsonResult, binder.getProvider(handlerKey)));
    }
  }

  /** The exception-to-status mappings of one key. */
  public static final class ErrorMappings {
    private final Binder binder;
    private final String key;

    ErrorMappings(Binder binder, String key) {
      this.binder = binder;
      this.key = key;
    }

    /** Answers exceptions of {@code type} (and its subclasses) with {@code status}, 400 to 599. */
    public ErrorMappings map(Class<? extends Exception> type, int status) {
      if (status < 400 || status > 599) {
        binder.addError("The status of %s for handler '%s' must be 400 to 599, got %s", type, key, status);
        return this;
      }
      RouterModule.errors(binder, key).addBinding(type).toInstance(status);
      return this;
    }
  }
}
