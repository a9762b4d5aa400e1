package dev.lambdaguice.handlers.eventbridge;

import com.google.gson.Gson;
import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.util.Map;

/**
 * Binds the router of one key, once however many routes it gets (equal modules are installed once), over the routes
 * bound for that key.
 */
final class RouterModule extends AbstractModule {

  private final String key;

  RouterModule(String key) {
    this.key = key;
  }

  static MapBinder<RouteKey, Route> routes(Binder binder, String key) {
    return MapBinder.newMapBinder(binder, TypeLiteral.get(RouteKey.class), TypeLiteral.get(Route.class),
        qualifier(key));
  }

  /** The qualifier of one key's routes. */
  private static Named qualifier(String key) {
    return Names.named("lambda-guice.eventbridge." + key);
  }

  @Override
  protected void configure() {
    routes(binder(), key);
    Provider<Map<RouteKey, Route>> routes = getProvider(Key.get(new TypeLiteral<Map<RouteKey, Route>>() {},
        qualifier(key)));
    Provider<Gson> gson = getProvider(Gson.class);
    LambdaHandlers.bind(binder(), key).toProvider(new Provider<LambdaHandler<?, ?>>() {
      @Override
      public LambdaHandler<?, ?> get() {
        return new EventRouter(key, routes.get(), gson.get());
      }
    });
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RouterModule router && router.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }
}
