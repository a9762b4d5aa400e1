package dev.lambdaguice.test;

import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/** Binds {@code greet}, {@code whoami} and {@code later}. */
public final class GreetingModule extends AbstractModule {
  @Override
  protected void configure() {
    LambdaHandlers.bind(binder(), "greet").to(GreetHandler.class);
    LambdaHandlers.bind(binder(), "whoami").to(FunctionNameHandler.class);
    LambdaHandlers.bind(binder(), "later").to(LaterHandler.class);
  }
}
