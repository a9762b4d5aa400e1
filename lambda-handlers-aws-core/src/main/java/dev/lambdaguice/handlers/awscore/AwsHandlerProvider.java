package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.inject.Provider;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.lang.reflect.Type;
import java.util.logging.Logger;

/**
 * Creates the adapter of one key around the AWS handler the injector makes. The runtime asks for it once, at init,
 * which creates the AWS handler then.
 */
final class AwsHandlerProvider implements Provider<LambdaHandler<?, ?>> {

  private final Class<?> handlerClass;
  private final Type eventType; // null for a stream handler
  private final Provider<?> handler;

  private AwsHandlerProvider(Class<?> handlerClass, Type eventType, Provider<?> handler) {
    this.handlerClass = handlerClass;
    this.eventType = eventType;
    this.handler = handler;
  }

  static AwsHandlerProvider request(Class<?> handlerClass, Type eventType, Provider<?> handler) {
    return new AwsHandlerProvider(handlerClass, eventType, handler);
  }

  static AwsHandlerProvider stream(Class<?> handlerClass, Provider<?> handler) {
    return new AwsHandlerProvider(handlerClass, null, handler);
  }

  @Override
  public LambdaHandler<?, ?> get() {
    // The handler's own logger name, so its lines read like those of its other loggers
    AwsLogger logger = new AwsLogger(Logger.getLogger(handlerClass.getName()));
    Object instance = handler.get();
    if (eventType == null) {
      return new StreamHandlerAdapter((RequestStreamHandler) instance, logger);
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) instance;
    return new RequestHandlerAdapter(typed, eventType, logger);
  }
}
