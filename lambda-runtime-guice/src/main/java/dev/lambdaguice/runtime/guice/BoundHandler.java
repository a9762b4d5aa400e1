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

/** The handler picked at init, with the reader for its event type. */
record BoundHandler(String key, LambdaHandler<Object, Object> handler, Type eventType, EventReader reader) {

  /**
   * Picks the handler bound under {@code key} in {@code injector} and prepares its event reader: for the {@code I}
   * its class declares, or for the type a {@link JsonEventHandler} gives.
   */
  static BoundHandler select(Injector injector, String key) throws InitException {
    @SuppressWarnings("unchecked")
    Key<Map<String, Provider<LambdaHandler<?, ?>>>> mapKey = (Key<Map<String, Provider<LambdaHandler<?, ?>>>>)
        Key.get(Types.mapOf(String.class, Types.providerOf(LambdaHandlers.HANDLER_TYPE.getType())));
    Map<String, Provider<LambdaHandler<?, ?>>> handlers = injector.getInstance(mapKey);
    String bound = new TreeSet<>(handlers.keySet()).toString();
    if (key == null || key.isBlank()) {
      throw new InitException(ErrorTypes.NO_SUCH_HANDLER, "No handler key given: pass it as the first argument"
          + " (the image CMD) or set _HANDLER. Bound keys: " + bound);
    }
    Provider<LambdaHandler<?, ?>> provider = handlers.get(key);
    if (provider == null) {
      throw new InitException(ErrorTypes.NO_SUCH_HANDLER, "No handler is bound under key '" + key
          + "'. Bound keys: " + bound + ". Bind one with LambdaHandlers.bind(binder(), \"" + key + "\")");
    }
    LambdaHandler<?, ?> handler;
    try {
      handler = provider.get();
    } catch (RuntimeException e) {
      throw new InitException(ErrorTypes.BAD_FUNCTION_CODE,
          "Handler '" + key + "' could not be created: " + e.getMessage(), e);
    }
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

  /** The handler class's concrete {@code I} of {@code LambdaHandler<I, O>}. */
  static Type eventType(String key, Class<?> handlerClass) throws InitException {
    Type event = TypeArguments.concrete(TypeLiteral.get(handlerClass), LambdaHandler.class, 0);
    if (event == null) {
      throw new InitException(ErrorTypes.BAD_FUNCTION_CODE, "Handler '" + key + "' (" + handlerClass.getName()
          + ") does not declare a concrete event type: implement LambdaHandler<Event, Result> in a class with"
          + " concrete types (not a lambda, a raw type or a type variable)");
    }
    return event;
  }
}
