package dev.lambdaguice.handlers.sqs;

import com.google.inject.AbstractModule;
import dev.lambdaguice.handlers.servicecall.ServiceCallModule;
import dev.lambdaguice.handlers.servicecall.ServiceCalls;

/** Exposes {@link Inventory} (also as {@code inventory}) and installs the SQS and plain service-call modules twice. */
public final class ServiceCallTestModule extends AbstractModule {

  @Override
  protected void configure() {
    install(new SqsServiceCallModule());
    install(new ServiceCallModule());
    install(new SqsServiceCallModule());
    ServiceCalls.expose(binder(), Inventory.class, "inventory");
  }
}
