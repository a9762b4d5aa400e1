package dev.lambdaguice.runtime.local;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * A module for the real runtime whose key {@code behave} does what its event (a JSON string) says: {@code "pid"}
 * answers the process id, {@code "hang"} never answers, {@code "exit"} exits with status 7, {@code "fail"} throws,
 * {@code "print"} prints a line on stdout and answers {@code "printed"}, {@code "gather"} waits until
 * {@value #GATHER} invocations are inside it at once (under {@code AWS_LAMBDA_MAX_CONCURRENCY}) and answers
 * {@code "gathered"}; any other string is answered with itself. Init
 * fails while the file named by {@code LIFECYCLE_INIT_FAILS_UNTIL} does not exist.
 */
public final class LifecycleModule extends AbstractModule {

  public static final String KEY = "behave";
  public static final String INIT_FAILS_UNTIL = "LIFECYCLE_INIT_FAILS_UNTIL";
  public static final int GATHER = 3;

  @Override
  protected void configure() {
    String until = System.getenv(INIT_FAILS_UNTIL);
    if (until != null && !Files.exists(Path.of(until))) {
      throw new IllegalStateException("init fails until " + until + " exists");
    }
    LambdaHandlers.bind(binder(), KEY).to(Behave.class).in(Scopes.SINGLETON);
  }

  /** Does what the event says. */
  public static final class Behave implements LambdaHandler<String, String> {
    private final CyclicBarrier gather = new CyclicBarrier(GATHER);

    @Override
    public String handle(String event, LambdaContext context) throws Exception {
      String command = event.replace("\"", ""); // a String handler gets the event's JSON text
      switch (command) {
        case "pid":
          return Long.toString(ProcessHandle.current().pid());
        case "hang":
          while (true) {
            Thread.sleep(60_000);
          }
        case "exit":
          System.exit(7);
          return "unreachable";
        case "fail":
          throw new IllegalStateException("failed on purpose");
        case "gather":
          gather.await(30, TimeUnit.SECONDS);
          return "gathered";
        case "print":
          System.out.println("printed by the function");
          return "printed";
        default:
          return command;
      }
    }
  }
}
