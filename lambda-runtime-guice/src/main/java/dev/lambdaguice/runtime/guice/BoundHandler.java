package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Types;
import dev.lambdaguice.runtime.guice.spi.JsonEventHandler;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeSet;

/**
 * The handler picked at init, with the reader for its event type: a {@link LambdaHandler} ({@code handler} set) or
 * a {@link StreamingHandler} ({@code streaming} set), never both.
 */
record BoundHandler(String key, LambdaHandler<Object, Object> handler, StreamingHandler<Object> streaming,
    Type eventType, EventReader reader) {

  /** A buffered handler. */
  BoundHandler(String key, LambdaHandler<Object, Object> handler, Type eventType, EventReader reader) {
    this(key, handler, null, eventType, reader);
  }

  /** The handler object, of either kind. */
  Object instance() {
    return handler != null ? handler : streaming;
  }

  /**
   * Picks the handler bound under {@code key} in {@code injector} and prepares its event reader: for the {@code I}
   * its class declares, or for the type a {@link JsonEventHandler} gives.
   */
  static BoundHandler select(Injector injector, String key) throws InitException {
    Map<String, Provider<LambdaHandler<?, ?>>> handlers = map(injector, LambdaHandlers.HANDLER_TYPE);
    Map<String, Provider<StreamingHandler<?>>> streaming = map(injector, LambdaHandlers.STREAMING_TYPE);
    TreeSet<String> keys = new TreeSet<>(handlers.keySet());
    keys.addAll(streaming.keySet());
    String bound = keys.toString();
    if (key == null || key.isBlank()) {
      throw new InitException(ErrorTypes.NO_SUCH_HANDLER, "No handler key given: pass it as the first argument"
          + " (the image CMD) or set _HANDLER. Bound keys: " + bound);
    }
    Provider<LambdaHandler<?, ?>> provider = handlers.get(key);
    Provider<StreamingHandler<?>> streamingProvider = streaming.get(key);
    if (provider != null && streamingProvider != null) {
      throw new InitException(ErrorTypes.BAD_FUNCTION_CODE, "Key '" + key + "' is bound both as a handler"
          + " (LambdaHandlers.bind) and as a streaming handler (LambdaHandlers.bindStreaming): keep one");
    }
    if (streamingProvider != null) {
      return streaming(injector, key, streamingProvider);
    }
    if (provider == null) {
      throw new InitException(ErrorTypes.NO_SUCH_HANDLER, "No handler is bound under key '" + key
          + "'. Bound keys: " + bound + ". Bind one with LambdaHandlers.bind(binder(), \"" + key + "\")");
    }
    LambdaHandler<?, ?> handler = create(key, provider);
    Gson gson = injector.getInstance(Gson.class);
    @SuppressWarnings("unchecked")
    LambdaHandler<Object, Object> typed = (LambdaHandler<Object, Object>) handler;
    if (handler instanceof JsonEventHandler<?> adapter) {
      Type eventType = adapter.eventType();
      if (eventType == null) {
        throw new InitException(ErrorTypes.BAD_FUNCTION_CODE, "Handler '" + key + "' ("
            + handler.getClass().getName() + ") gives no event type: JsonEventHandler.eventType() returned null");
      }
      return new BoundHandler(key, typed, eventType, EventReader.json(eventType, gson));
    }
    Type eventType = eventType(key, handler.getClass());
    return new BoundHandler(key, typed, eventType, EventReader.forType(eventType, gson));
  }

  private static BoundHandler streaming(Injector injector, String key, Provider<StreamingHandler<?>> provider)
      throws InitException {
    StreamingHandler<?> handler = create(key, provider);
    @SuppressWarnings("unchecked")
    StreamingHandler<Object> typed = (StreamingHandler<Object>) handler;
    Type eventType = eventType(key, handler.getClass(), StreamingHandler.class);
    return new BoundHandler(key, null, typed, eventType,
        EventReader.forType(eventType, injector.getInstance(Gson.class)));
  }

  private static <T> T create(String key, Provider<T> provider) throws InitException {
    try {
      return provider.get();
    } catch (RuntimeException e) {
      throw new InitException(ErrorTypes.BAD_FUNCTION_CODE,
          "Handler '" + key + "' could not be created: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, Provider<T>> map(Injector injector, TypeLiteral<T> type) {
    return injector.getInstance((Key<Map<String, Provider<T>>>)
        Key.get(Types.mapOf(String.class, Types.providerOf(type.getType()))));
  }

  /** The handler class's concrete {@code I} of {@code LambdaHandler<I, O>}. */
  static Type eventType(String key, Class<?> handlerClass) throws InitException {
    return eventType(key, handlerClass, LambdaHandler.class);
  }

  /** The handler class's concrete {@code I} of {@code LambdaHandler<I, O>} or {@code StreamingHandler<I>}. */
  static Type eventType(String key, Class<?> handlerClass, Class<?> contract) throws InitException {
    Type event = TypeArguments.concrete(TypeLiteral.get(handlerClass), contract, 0);
    if (event == null) {
      String shape = contract == LambdaHandler.class ? "LambdaHandler<Event, Result>" : "StreamingHandler<Event>";
      throw new InitException(ErrorTypes.BAD_FUNCTION_CODE, "Handler '" + key + "' (" + handlerClass.getName()
          + ") does not declare a concrete event type: implement " + shape + " in a class with"
          + " concrete types (not a lambda, a raw type or a type variable)");
    }
    return event;
  }
}
