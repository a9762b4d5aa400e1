package dev.lambdaguice.handlers.echo;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/** Binds {@link EchoHandler} under the key {@value #KEY}. */
public final class EchoHandlerModule extends AbstractModule {

  /** The handler key. */
  public static final String KEY = "echo";

  @Override
  protected void configure() {
    LambdaHandlers.bind(binder(), KEY).to(EchoHandler.class).in(Scopes.SINGLETON);
  }
}
