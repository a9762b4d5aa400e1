package dev.lambdaguice.test.readme;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/** README.md's "Writing a handler" example. */
public final class OrdersModule extends AbstractModule {
  @Override
  protected void configure() {
    LambdaHandlers.bind(binder(), "create-order").to(CreateOrderHandler.class).in(Scopes.SINGLETON);
  }
}
