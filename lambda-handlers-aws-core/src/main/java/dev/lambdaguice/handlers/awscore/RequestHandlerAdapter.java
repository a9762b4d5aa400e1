package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.spi.JsonEventHandler;
import java.lang.reflect.Type;

/**
 * Serves a {@code RequestHandler<I, O>}: the runtime reads each event as JSON of {@code I} (a {@code String} too,
 * decoded, as AWS's serializer does) and writes the result as JSON, as for its own handlers.
 */
final class RequestHandlerAdapter implements JsonEventHandler<Object> {

  private final RequestHandler<Object, Object> handler;
  private final Type eventType;
  private final AwsLogger logger;

  RequestHandlerAdapter(RequestHandler<Object, Object> handler, Type eventType, AwsLogger logger) {
    this.handler = handler;
    this.eventType = eventType;
    this.logger = logger;
  }

  @Override
  public Type eventType() {
    return eventType;
  }

  @Override
  public Object handle(Object event, LambdaContext context) {
    return handler.handleRequest(event, new AwsContext(context, logger));
  }
}
