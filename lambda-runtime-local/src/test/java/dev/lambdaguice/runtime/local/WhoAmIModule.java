package dev.lambdaguice.runtime.local;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.util.UUID;

/**
 * A module for the real runtime: keys {@code who-a} and {@code who-b} answer an event {@code e} with
 * {@code "<function name> <injector id> e"}, where the injector id is new in every injector built from this module.
 */
public final class WhoAmIModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(String.class).annotatedWith(Names.named("injector-id")).toInstance(UUID.randomUUID().toString());
    LambdaHandlers.bind(binder(), "who-a").to(WhoAmI.class);
    LambdaHandlers.bind(binder(), "who-b").to(WhoAmI.class);
  }

  /** Says which function and which injector it runs in. */
  public static final class WhoAmI implements LambdaHandler<String, String> {
    private final String injectorId;

    @Inject
    WhoAmI(@Named("injector-id") String injectorId) {
      this.injectorId = injectorId;
    }

    @Override
    public String handle(String event, LambdaContext context) {
      return context.functionName() + " " + injectorId + " " + event;
    }
  }
}
