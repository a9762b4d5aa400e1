package dev.lambdaguice.runtime.local;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A runtime running on a thread of this JVM against a {@link LocalLambda}: calls {@code LambdaRuntime.run(env,
 * args)} (or another {@link RuntimeEntry}) with the Lambda environment, and the handler key as the only argument.
 *
 * <pre>{@code
 * try (LocalLambda lambda = LocalLambda.start()) {
 *   InProcessRuntime runtime = lambda.inProcess().modules(AppModule.class).handler("echo").start();
 *   assertEquals("{\"body\":\"hi\"}", lambda.invoke("{\"body\":\"hi\"}").bodyAsString());
 * }
 * }</pre>
 *
 * <p>A runtime stops only when it fails, typically when its {@code /next} fails because the {@link LocalLambda}
 * closed; {@link LocalLambda#close()} then waits a little for it to end.
 */
public final class InProcessRuntime implements AutoCloseable, ManagedRuntime {

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final Map<String, String> environment;
  private final List<String> args;
  private final Thread thread;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

  private InProcessRuntime(RuntimeEntry entry, Map<String, String> environment, List<String> args, String name) {
    this.environment = environment;
    this.args = args;
    this.thread = new Thread(() -> {
      try {
        exitCode.complete(entry.run(environment, args));
      } catch (Throwable t) {
        exitCode.completeExceptionally(t);
      }
    }, name);
    thread.setDaemon(true);
  }

  /** Configures an in-process runtime; see {@link LocalLambda#inProcess()}. */
  public static final class Builder extends RuntimeBuilder<Builder> {
    private RuntimeEntry entry = LambdaRuntime::run;

    Builder(LocalLambda lambda) {
      super(lambda);
    }

    @Override
    Builder self() {
      return this;
    }

    /** The entry point to run; defaults to {@code LambdaRuntime::run}. */
    public Builder entry(RuntimeEntry entry) {
      this.entry = Objects.requireNonNull(entry, "entry");
      return this;
    }

    /** Starts the runtime thread. */
    public InProcessRuntime start() {
      Map<String, String> environment = lambda.environment(handler, env);
      List<String> args = handler == null ? List.of() : List.of(handler);
      InProcessRuntime runtime = new InProcessRuntime(entry, environment, args, "lambda-runtime-" + lambda.port());
      lambda.manage(runtime);
      runtime.thread.start();
      return runtime;
    }
  }

  /** Completes with the entry's exit code, or exceptionally with what it threw. */
  public CompletableFuture<Integer> exitCode() {
    return exitCode.copy();
  }

  /** The environment the runtime was given. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The arguments the runtime was given. */
  public List<String> args() {
    return args;
  }

  public boolean isAlive() {
    return thread.isAlive();
  }

  /**
   * Interrupts the runtime thread without waiting for it: a runtime blocked in {@code /next} only stops once the
   * {@link LocalLambda} closes.
   */
  @Override
  public void close() {
    thread.interrupt();
  }

  /** Interrupts the runtime thread: a runtime waiting on the Runtime API's socket then stops at once, quietly. */
  @Override
  public void stopping() {
    thread.interrupt();
  }

  @Override
  public void stop() {
    thread.interrupt();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
