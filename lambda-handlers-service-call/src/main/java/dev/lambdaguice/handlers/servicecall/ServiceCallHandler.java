package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonElement;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import jakarta.inject.Inject;

/**
 * The {@code service-call} handler: reads the event as a {@link ServiceCall} and answers with what the called
 * method returned, written as JSON by the runtime ({@code null} for void). A {@link ServiceCallException}, or the
 * method's own exception, fails the invocation with that exception's class as {@code errorType}.
 */
public final class ServiceCallHandler implements LambdaHandler<JsonElement, Object> {

  private final ServiceDispatcher dispatcher;

  @Inject
  public ServiceCallHandler(ServiceDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public Object handle(JsonElement event, LambdaContext context) throws Exception {
    return dispatcher.dispatch(ServiceCall.parse(event));
  }
}
