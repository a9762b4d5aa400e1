package dev.lambdaguice.runtime.local;

import com.google.inject.Module;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
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
  public static final class Builder {
    private final LocalLambda lambda;
    private RuntimeEntry entry = LambdaRuntime::run;
    private String handler;
    private final Map<String, String> env = new LinkedHashMap<>();

    Builder(LocalLambda lambda) {
      this.lambda = lambda;
    }

    /** The entry point to run; defaults to {@code LambdaRuntime::run}. */
    public Builder entry(RuntimeEntry entry) {
      this.entry = Objects.requireNonNull(entry, "entry");
      return this;
    }

    /** The handler key: passed as the first argument and as {@code _HANDLER}. */
    public Builder handler(String handlerKey) {
      this.handler = handlerKey;
      return this;
    }

    /** Sets {@code LAMBDA_GUICE_MODULES} to these module class names. */
    public Builder modules(String... moduleClassNames) {
      return env("LAMBDA_GUICE_MODULES", String.join(",", moduleClassNames));
    }

    /** Sets {@code LAMBDA_GUICE_MODULES} to these modules' class names. */
    @SafeVarargs
    public final Builder modules(Class<? extends Module>... modules) {
      StringJoiner names = new StringJoiner(",");
      for (Class<? extends Module> module : modules) {
        names.add(module.getName());
      }
      return env("LAMBDA_GUICE_MODULES", names.toString());
    }

    /** Adds or overrides one environment variable. */
    public Builder env(String name, String value) {
      env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds or overrides environment variables. */
    public Builder env(Map<String, String> variables) {
      variables.forEach(this::env);
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
