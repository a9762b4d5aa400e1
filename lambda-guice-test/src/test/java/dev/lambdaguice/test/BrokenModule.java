package dev.lambdaguice.test;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import jakarta.inject.Singleton;

/** Binds {@code greet} to a handler whose dependency cannot be made: init fails. */
public final class BrokenModule extends AbstractModule {
  @Override
  protected void configure() {
    LambdaHandlers.bind(binder(), "greet").to(GreetHandler.class);
  }

  @Provides
  @Singleton
  StringBuilder settings() {
    throw new IllegalStateException("the settings table is missing");
  }
}
