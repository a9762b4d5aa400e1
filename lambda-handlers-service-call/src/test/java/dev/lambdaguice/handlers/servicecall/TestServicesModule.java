package dev.lambdaguice.handlers.servicecall;

import com.google.inject.AbstractModule;

/** Fixture: the service-call handler with the fixture services exposed. */
public final class TestServicesModule extends AbstractModule {

  @Override
  protected void configure() {
    install(new ServiceCallModule());
    bind(OrderService.class).to(DefaultOrderService.class);
    ServiceCalls.expose(binder(), OrderService.class, "orders");
    ServiceCalls.expose(binder(), Calculator.class, "calc");
    ServiceCalls.expose(binder(), Invocations.class);
    ServiceCalls.expose(binder(), Counter.class, "counter");
    ServiceCalls.expose(binder(), FreshCounter.class);
  }
}
