package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;

/**
 * Binds handlers under their keys, and the {@link Gson} that reads events and writes results.
 *
 * <pre>{@code
 * public final class OrdersModule extends AbstractModule {
 *   @Override protected void configure() {
 *     LambdaHandlers.bind(binder(), "create-order").to(CreateOrderHandler.class);
 *     LambdaHandlers.gson(binder()).toInstance(new GsonBuilder().registerTypeAdapter(...).create());
 *   }
 * }
 * }</pre>
 *
 * Binding two handlers under one key fails injector creation with an error that names both bindings (the
 * module and line of each {@code bind} call).
 */
public final class LambdaHandlers {

  static final TypeLiteral<LambdaHandler<?, ?>> HANDLER_TYPE = new TypeLiteral<>() {};
  static final TypeLiteral<StreamingHandler<?>> STREAMING_TYPE = new TypeLiteral<>() {};

  private LambdaHandlers() {}

  /** Starts the binding of the handler served when the runtime is started with {@code key}. */
  public static LinkedBindingBuilder<LambdaHandler<?, ?>> bind(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return handlers(binder.skipSources(LambdaHandlers.class)).addBinding(key);
  }

  /**
   * Starts the binding of the {@link StreamingHandler} served when the runtime is started with {@code key}. Keys
   * are shared with {@link #bind}: a key bound both ways fails at init ({@code Runtime.BadFunctionCode}, naming the
   * key).
   *
   * <pre>{@code
   * LambdaHandlers.bindStreaming(binder(), "export-orders").to(ExportOrdersHandler.class);
   * }</pre>
   */
  public static LinkedBindingBuilder<StreamingHandler<?>> bindStreaming(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return streamingHandlers(binder.skipSources(LambdaHandlers.class)).addBinding(key);
  }

  /** Replaces the runtime's default {@link Gson} (plain {@code new Gson()} with HTML escaping off). */
  public static LinkedBindingBuilder<Gson> gson(Binder binder) {
    return OptionalBinder.newOptionalBinder(binder.skipSources(LambdaHandlers.class), Gson.class).setBinding();
  }

  static MapBinder<String, LambdaHandler<?, ?>> handlers(Binder binder) {
    return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), HANDLER_TYPE);
  }

  static MapBinder<String, StreamingHandler<?>> streamingHandlers(Binder binder) {
    return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), STREAMING_TYPE);
  }
}
