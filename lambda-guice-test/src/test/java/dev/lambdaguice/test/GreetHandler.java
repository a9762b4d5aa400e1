package dev.lambdaguice.test;

import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.logging.Logger;

/** Greets by name, logging one line; a greeting without a name fails. */
final class GreetHandler implements LambdaHandler<Greeting, String> {

  private static final Logger LOG = Logger.getLogger(GreetHandler.class.getName());

  @Override
  public String handle(Greeting event, LambdaContext context) {
    if (event.name() == null) {
      LOG.warning("a greeting without a name");
      throw new IllegalArgumentException("name is missing");
    }
    LOG.info("greeting " + event.name());
    return "Hello, " + event.name() + "!";
  }
}
