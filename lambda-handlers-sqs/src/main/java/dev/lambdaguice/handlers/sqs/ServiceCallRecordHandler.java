package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonElement;
import dev.lambdaguice.handlers.servicecall.ServiceCall;
import dev.lambdaguice.handlers.servicecall.ServiceDispatcher;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;

/**
 * Reads each record's body as a service call ({@code {"serviceName": ..., "function": ..., "args": [...]}}) and
 * makes it through {@link ServiceDispatcher}; what the method returns is dropped. A body that is not a service call,
 * a call that cannot be made (unknown service or function, arguments that do not fit) and an exception thrown by the
 * method fail the record. Bound under {@value SqsServiceCallModule#KEY} by {@link SqsServiceCallModule}; bind it
 * under a key of your own to set options:
 * {@code SqsHandlers.bind(binder(), "jobs").parallelism(4).to(ServiceCallRecordHandler.class)}.
 */
public final class ServiceCallRecordHandler implements SqsRecordHandler<JsonElement> {

  private final ServiceDispatcher dispatcher;

  @Inject
  public ServiceCallRecordHandler(ServiceDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void handle(JsonElement body, SqsMessage message, LambdaContext context) throws Exception {
    dispatcher.dispatch(ServiceCall.parse(body));
  }
}
