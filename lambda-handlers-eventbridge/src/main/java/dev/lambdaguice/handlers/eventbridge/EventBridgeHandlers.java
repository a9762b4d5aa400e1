package dev.lambdaguice.handlers.eventbridge;

import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.TypeArguments;
import java.lang.reflect.Type;

/**
 * Routes EventBridge events by {@code source} and {@code detail-type} to typed handlers, all under one handler key:
 *
 * <pre>{@code
 * EventBridgeHandlers.route(binder(), "order-events", "com.example.orders", "OrderPlaced").to(OrderPlaced.class);
 * EventBridgeHandlers.route(binder(), "order-events", "com.example.orders", "OrderCancelled").to(Cancelled.class);
 * }</pre>
 *
 * An event no route matches fails with {@link UnroutedEventException} (name the routes in the rule's event pattern
 * so none arrives); a detail that does not fit its route's type with {@link UnreadableDetailException}. Two routes
 * for one source and detail-type under one key fail injector creation with an error naming both.
 */
public final class EventBridgeHandlers {

  private EventBridgeHandlers() {}

  /** Starts the binding of the route of {@code source} and {@code detailType} under the handler key {@code key}. */
  public static RouteBindingBuilder route(Binder binder, String key, String source, String detailType) {
    if (key == null || key.isBlank() || source == null || source.isBlank() || detailType == null
        || detailType.isBlank()) {
      throw new IllegalArgumentException("handler key, source and detail-type must not be blank");
    }
    Binder skipping = binder.skipSources(EventBridgeHandlers.class, RouteBindingBuilder.class);
    skipping.install(new RouterModule(key));
    return new RouteBindingBuilder(skipping, key, new RouteKey(source, detailType));
  }

  /** Ends a route: {@code to} names its handler. */
  public static final class RouteBindingBuilder {
    private final Binder binder;
    private final String key;
    private final RouteKey route;

    RouteBindingBuilder(Binder binder, String key, RouteKey route) {
      this.binder = binder;
      this.key = key;
      this.route = route;
    }

    /** Routes to the handler {@code type}, created by the injector. */
    public void to(Class<? extends EventBridgeHandler<?>> type) {
      to(Key.get(type));
    }

    /** Routes to the handler bound under {@code handlerKey}. */
    public void to(Key<? extends EventBridgeHandler<?>> handlerKey) {
      TypeLiteral<?> handlerType = handlerKey.getTypeLiteral();
      Type detailType = TypeArguments.concrete(handlerType, EventBridgeHandler.class, 0);
      if (detailType == null) {
        binder.addError("EventBridge route of handler '%s' for %s: %s does not declare a concrete detail type;"
            + " implement EventBridgeHandler<Detail> in a class with a concrete type", key, route, handlerType);
        return;
      }
      RouterModule.routes(binder, key).addBinding(route).toInstance(
          new Route(detailType, binder.getProvider(handlerKey)));
    }
  }
}
