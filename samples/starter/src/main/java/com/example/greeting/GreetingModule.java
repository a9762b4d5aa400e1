package com.example.greeting;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/**
 * The application's module, named in {@code LAMBDA_GUICE_MODULES}: binds {@link GreetingHandler} under the handler
 * key {@code greet} (the image's CMD).
 */
public final class GreetingModule extends AbstractModule {

  @Override
  protected void configure() {
    LambdaHandlers.bind(binder(), "greet").to(GreetingHandler.class).in(Scopes.SINGLETON);
  }
}
