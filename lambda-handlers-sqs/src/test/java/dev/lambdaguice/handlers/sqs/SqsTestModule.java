package dev.lambdaguice.handlers.sqs;

import com.google.inject.AbstractModule;

/** The test keys: {@code text}, {@code text-parallel}, {@code orders}, {@code orders-parallel}, {@code tree}. */
public final class SqsTestModule extends AbstractModule {

  @Override
  protected void configure() {
    SqsHandlers.bind(binder(), "text").to(ScriptedHandler.class);
    SqsHandlers.bind(binder(), "text-parallel").parallelism(4).to(ScriptedHandler.class);
    SqsHandlers.bind(binder(), "orders").to(OrderHandler.class);
    SqsHandlers.bind(binder(), "orders-parallel").parallelism(3).to(OrderHandler.class);
    SqsHandlers.bind(binder(), "tree").to(TreeHandler.class);
  }
}
