package dev.lambdaguice.handlers.sqs;

import com.google.inject.AbstractModule;
import dev.lambdaguice.handlers.servicecall.ServiceCallModule;

/**
 * Binds the key {@value #KEY}: SQS batches whose message bodies are service calls, made one after the other through
 * {@link ServiceCallRecordHandler}, with a partial batch response listing the records that failed. Installs
 * {@link ServiceCallModule}; only services exposed with {@code ServiceCalls.expose} can be called. Instances are
 * equal to each other, so installing it more than once installs it once.
 */
public final class SqsServiceCallModule extends AbstractModule {

  /** The handler key. */
  public static final String KEY = "sqs-service-call";

  @Override
  protected void configure() {
    install(new ServiceCallModule());
    SqsHandlers.bind(binder(), KEY).to(ServiceCallRecordHandler.class);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == SqsServiceCallModule.class;
  }

  @Override
  public int hashCode() {
    return SqsServiceCallModule.class.hashCode();
  }
}
