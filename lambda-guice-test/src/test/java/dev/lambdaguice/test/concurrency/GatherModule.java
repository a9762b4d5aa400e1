package dev.lambdaguice.test.concurrency;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Key {@code gather}: logs the event, waits until {@value #PARTIES} invocations are inside, answers the event. */
public final class GatherModule extends AbstractModule {

  static final int PARTIES = 3;

  @Override
  protected void configure() {
    LambdaHandlers.bind(binder(), "gather").to(Gather.class).in(Scopes.SINGLETON);
  }

  static final class Gather implements LambdaHandler<String, String> {
    private final CyclicBarrier barrier = new CyclicBarrier(PARTIES);

    @Override
    public String handle(String event, LambdaContext context) throws Exception {
      Logger.getLogger("gather").info("gathering " + event);
      barrier.await(30, TimeUnit.SECONDS);
      return event;
    }
  }
}
