package dev.lambdaguice.handlers.http;

import com.google.gson.Gson;
import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.util.Map;
import java.util.Set;

/**
 * Binds the router of one key, once however many routes, error mappings and base paths it gets (equal modules are
 * installed once), over what is bound for that key under one qualifier.
 */
final class RouterModule extends AbstractModule {

  private static final TypeLiteral<Class<?>> EXCEPTION_TYPE = new TypeLiteral<>() {};

  private final String key;

  RouterModule(String key) {
    this.key = key;
  }

  static MapBinder<RouteKey, Route> routes(Binder binder, String key) {
    return MapBinder.newMapBinder(binder, TypeLiteral.get(RouteKey.class), TypeLiteral.get(Route.class),
        qualifier(key));
  }

  static MapBinder<Class<?>, Integer> errors(Binder binder, String key) {
    return MapBinder.newMapBinder(binder, EXCEPTION_TYPE, TypeLiteral.get(Integer.class), qualifier(key));
  }

  static Multibinder<String> basePaths(Binder binder, String key) {
    return Multibinder.newSetBinder(binder, TypeLiteral.get(String.class), qualifier(key)).permitDuplicates();
  }

  /** The qualifier of one key's routes, error mappings and base paths. */
  private static Named qualifier(String key) {
    return Names.named("lambda-guice.http." + key);
  }

  @Override
  protected void configure() {
    routes(binder(), key);
    errors(binder(), key);
    basePaths(binder(), key);
    Provider<Map<RouteKey, Route>> routes =
        getProvider(Key.get(new TypeLiteral<Map<RouteKey, Route>>() {}, qualifier(key)));
    Provider<Map<Class<?>, Integer>> errors =
        getProvider(Key.get(new TypeLiteral<Map<Class<?>, Integer>>() {}, qualifier(key)));
    Provider<Set<String>> basePaths = getProvider(Key.get(new TypeLiteral<Set<String>>() {}, qualifier(key)));
    Provider<Gson> gson = getProvider(Gson.class);
    LambdaHandlers.bind(binder(), key).toProvider(new Provider<LambdaHandler<?, ?>>() {
      @Override
      public LambdaHandler<?, ?> get() {
        return new HttpRouter(key, routes.get().values(), errors.get(), basePaths.get(), gson.get());
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
