package dev.lambdaguice.handlers.servicecall;

import com.google.inject.AbstractModule;

/** Fixture: two services under one alias; the runtime must fail init. */
public final class ConflictingModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new ServiceCallModule());
    ServiceCalls.expose(binder(), Counter.class, "svc");
    ServiceCalls.expose(binder(), FreshCounter.class, "svc");
  }
}
