package dev.lambdaguice.handlers.eventbridge;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.reflect.TypeToken;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.Map;
import java.util.stream.Collectors;

/** The handler bound under an EventBridge key: finds the event's route and calls its handler with the detail. */
final class EventRouter implements LambdaHandler<EventBridgeEvent, Void> {

  private final String key;
  private final Map<RouteKey, Route> routes;
  private final Gson gson;

  EventRouter(String key, Map<RouteKey, Route> routes, Gson gson) {
    this.key = key;
    this.routes = Map.copyOf(routes);
    this.gson = gson;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Void handle(EventBridgeEvent event, LambdaContext context) throws Exception {
    if (event == null || event.source() == null || event.detailType() == null) {
      throw new UnroutedEventException("The event of handler '" + key + "' is not an EventBridge event: it has no"
          + " source or detail-type");
    }
    RouteKey routeKey = new RouteKey(event.source(), event.detailType());
    Route route = routes.get(routeKey);
    if (route == null) {
      throw new UnroutedEventException("Handler '" + key + "' has no route for " + routeKey + "; it routes "
          + routes.keySet().stream().map(RouteKey::toString).sorted().collect(Collectors.joining("; ")));
    }
    ((EventBridgeHandler<Object>) route.handler().get()).handle(detail(route, event), event, context);
    return null;
  }

  private Object detail(Route route, EventBridgeEvent event) throws UnreadableDetailException {
    JsonElement detail = event.detail() == null ? JsonNull.INSTANCE : event.detail();
    Class<?> raw = TypeToken.get(route.detailType()).getRawType();
    if (JsonElement.class.isAssignableFrom(raw)) {
      if (!raw.isInstance(detail)) {
        throw new UnreadableDetailException(describe(event) + " has a detail that is not a " + raw.getSimpleName());
      }
      return detail;
    }
    try {
      Object value = gson.fromJson(detail, route.detailType());
      if (value == null) {
        throw new UnreadableDetailException(describe(event) + " has no detail");
      }
      return value;
    } catch (RuntimeException | StackOverflowError e) {
      throw new UnreadableDetailException(describe(event) + " has a detail that does not fit "
          + route.detailType().getTypeName() + " (" + e.getClass().getName() + ")");
    }
  }

  private static String describe(EventBridgeEvent event) {
    return "EventBridge event " + event.id() + " (" + new RouteKey(event.source(), event.detailType()) + ")";
  }
}
