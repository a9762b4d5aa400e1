package dev.lambdaguice.runtime.local;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A runtime in its own JVM against a {@link LocalLambda}, the way Lambda runs it: {@code java [jvm args] -cp
 * <classpath> <main class> <handler key>} with only Lambda's environment (plus {@code PATH}), using this JVM's
 * {@code java} binary and, by default, its class path. Captures stdout and stderr line by line.
 *
 * <pre>{@code
 * try (LocalLambda lambda = LocalLambda.start()) {
 *   ChildProcessRuntime runtime =
 *       lambda.childProcess().modules(AppModule.class).handler("echo").jvmArgs("-Xmx256m").start();
 *   assertEquals("{}", lambda.invoke("{}").bodyAsString());
 *   assertTrue(runtime.stderr().await(line -> line.contains("echo"), Duration.ofSeconds(5)));
 * }
 * }</pre>
 */
public final class ChildProcessRuntime implements AutoCloseable, ManagedRuntime {

  /** The main class run unless {@link Builder#mainClass(String)} says otherwise. */
  public static final String DEFAULT_MAIN_CLASS = LambdaRuntime.class.getName();

  /** JVM flags put before the caller's so that output is UTF-8 whatever the host's locale. */
  static final List<String> DEFAULT_JVM_ARGS =
      List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

  private static final long DESTROY_WAIT_SECONDS = 10;

  /** What Lambda gives a runtime between SIGTERM and SIGKILL when the extensions registered are internal ones. */
  public static final Duration LAMBDA_SHUTDOWN_BUDGET = Duration.ofMillis(500);

  private final Process process;
  private final List<String> command;
  private final Map<String, String> environment;
  private final CapturedOutput stdout = new CapturedOutput();
  private final CapturedOutput stderr = new CapturedOutput();
  private final CompletableFuture<Integer> exitCode;
  private final BooleanSupplier extensionRegistered;

  private ChildProcessRuntime(ProcessBuilder builder, Map<String, String> environment, boolean echo,
      String echoPrefix, BooleanSupplier extensionRegistered) throws IOException {
    this.extensionRegistered = extensionRegistered;
    this.command = List.copyOf(builder.command());
    this.environment = environment;
    this.process = builder.start();
    Thread out = capture(process.getInputStream(), stdout, echo ? System.out : null, echoPrefix, "stdout");
    Thread err = capture(process.getErrorStream(), stderr, echo ? System.err : null, echoPrefix, "stderr");
    this.exitCode = process.onExit().thenApply(p -> {
      try {
        out.join(TimeUnit.SECONDS.toMillis(DESTROY_WAIT_SECONDS));
        err.join(TimeUnit.SECONDS.toMillis(DESTROY_WAIT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return p.exitValue();
    });
  }

  /** Configures a child-process runtime; see {@link LocalLambda#childProcess()}. */
  public static final class Builder extends RuntimeBuilder<Builder> {
    private String mainClass = DEFAULT_MAIN_CLASS;
    private String classpath = System.getProperty("java.class.path");
    private final List<String> jvmArgs = new ArrayList<>();
    private boolean echoOutput;
    private String echoPrefix = "";

    Builder(LocalLambda lambda) {
      super(lambda);
    }

    @Override
    Builder self() {
      return this;
    }

    /** The class whose {@code main} runs the runtime; defaults to {@link #DEFAULT_MAIN_CLASS}. */
    public Builder mainClass(String className) {
      this.mainClass = Objects.requireNonNull(className, "className");
      return this;
    }

    public Builder mainClass(Class<?> type) {
      return mainClass(type.getName());
    }

    /** The class path; defaults to this JVM's {@code java.class.path}. */
    public Builder classpath(String classpath) {
      this.classpath = Objects.requireNonNull(classpath, "classpath");
      return this;
    }

    /** Adds JVM flags, for example {@code -Xmx256m} or {@code -XX:TieredStopAtLevel=1}. */
    public Builder jvmArgs(String... flags) {
      jvmArgs.addAll(Arrays.asList(flags));
      return this;
    }

    /** Also copies the child's output lines to this JVM's {@code System.out} and {@code System.err}. */
    public Builder echoOutput(boolean echo) {
      this.echoOutput = echo;
      return this;
    }

    /** Puts {@code prefix} before each line {@link #echoOutput(boolean) echoed}, to tell several children apart. */
    public Builder echoPrefix(String prefix) {
      this.echoPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** Starts the process. */
    public ChildProcessRuntime start() throws IOException {
      ChildProcessRuntime runtime = launch();
      lambda.manage(runtime);
      return runtime;
    }

    /**
     * Starts no process yet: returns a runtime that starts one, as configured here, for the first invocation, and
     * replaces it the way Lambda replaces a sandbox; see {@link SupervisedRuntime}.
     */
    public SupervisedRuntime supervise() {
      return supervise(notice -> { });
    }

    /** As {@link #supervise()}, telling {@code notices} each time it kills, loses or starts a process. */
    public SupervisedRuntime supervise(Consumer<String> notices) {
      SupervisedRuntime runtime = new SupervisedRuntime(lambda, this::launch, Objects.requireNonNull(notices));
      lambda.manage(runtime);
      return runtime;
    }

    /** Starts the process without handing it to the {@link LocalLambda} to stop. */
    ChildProcessRuntime launch() throws IOException {
      List<String> command = new ArrayList<>();
      command.add(javaBinary());
      command.addAll(DEFAULT_JVM_ARGS);
      command.addAll(jvmArgs);
      command.add("-cp");
      command.add(classpath);
      command.add(mainClass);
      if (handler != null) {
        command.add(handler);
      }
      Map<String, String> environment = lambda.environment(handler, env);
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> processEnv = builder.environment();
      String path = processEnv.get("PATH");
      processEnv.clear();
      if (path != null) {
        processEnv.put("PATH", path);
      }
      processEnv.putAll(environment);
      return new ChildProcessRuntime(builder, environment, echoOutput, echoPrefix, lambda::extensionsRegistered);
    }

    private static String javaBinary() {
      boolean windows = System.getProperty("os.name", "").startsWith("Windows");
      return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }
  }

  /** What the child wrote to stdout. */
  public CapturedOutput stdout() {
    return stdout;
  }

  /** What the child wrote to stderr. */
  public CapturedOutput stderr() {
    return stderr;
  }

  /** Completes with the exit code once the process has exited and all of its output has been captured. */
  public CompletableFuture<Integer> exitCode() {
    return exitCode.copy();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The command line the child was started with. */
  public List<String> command() {
    return command;
  }

  /** The Lambda environment the child was given ({@code PATH} comes on top). */
  public Map<String, String> environment() {
    return environment;
  }

  /** Destroys the process (SIGTERM, then SIGKILL if it has not exited in 10 seconds) and waits for it. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(DESTROY_WAIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(DESTROY_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** {@link #shutdown(Duration)} with the budget Lambda gives a runtime with internal extensions, 500 ms. */
  public RuntimeShutdown shutdown() throws InterruptedException {
    return shutdown(LAMBDA_SHUTDOWN_BUDGET);
  }

  /**
   * Shuts the process down the way Lambda ends an execution environment, and waits until it has exited: when the
   * runtime registered an extension ({@link LocalLambda#extensions()}), SIGTERM, then SIGKILL if it is still
   * running after {@code budget}; when it registered none, SIGKILL at once, as Lambda then gives no notice. Unlike
   * {@link #close()}, it keeps capturing what the process writes until it has exited.
   */
  public RuntimeShutdown shutdown(Duration budget) throws InterruptedException {
    boolean sigterm = extensionRegistered.getAsBoolean() && process.isAlive();
    boolean withinBudget = false;
    // Through the ProcessHandle: Process.destroy() also closes the pipes of the child's output, which would lose
    // what the runtime logs while it shuts down.
    if (sigterm) {
      process.toHandle().destroy();
      withinBudget = process.waitFor(budget.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (!withinBudget) {
      process.toHandle().destroyForcibly();
    }
    try {
      return new RuntimeShutdown(sigterm, withinBudget, exitCode.get(DESTROY_WAIT_SECONDS, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the runtime process did not end after SIGKILL", e);
    }
  }

  /**
   * Kills the process at once (SIGKILL), as Lambda kills a timed-out runtime, without waiting: {@link #exitCode()}
   * completes once it has exited.
   */
  public void kill() {
    process.destroyForcibly();
  }

  @Override
  public void stop() {
    close();
  }

  private Thread capture(InputStream stream, CapturedOutput output, PrintStream echo, String echoPrefix,
      String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          output.add(line);
          if (echo != null) {
            echo.println(echoPrefix + line);
          }
        }
      } catch (IOException e) {
        // the stream broke: the process is gone
      } finally {
        output.end();
      }
    }, "lambda-runtime-" + process.pid() + "-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
