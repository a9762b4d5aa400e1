package dev.lambdaguice.runtime.local;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the lambda-guice runtime against a local Runtime API, and serves the invoke endpoint on the same port (9000
 * by default), like the Runtime Interface Emulator:
 *
 * <pre>
 * java -cp app.jar:... dev.lambdaguice.runtime.local.LocalMain --modules com.example.AppModule --handler echo
 * curl -XPOST localhost:9000/2015-03-31/functions/function/invocations -d '{"body":"hello world"}'
 * </pre>
 *
 * <p>Each function's runtime is a JVM of its own ({@link SupervisedRuntime}), started at its first invocation; a
 * timed-out invocation is answered at its deadline and its runtime killed, and so is one that exits; the next
 * invocation starts a fresh one. With {@code --in-process} the runtimes run on threads of this JVM instead, started
 * at once. With {@code --invoke <file>} it runs one invocation ({@link LocalInvoke}) and exits.
 *
 * <p>With several handler keys ({@code --handler api,echo}), each key is its own function, as if made from one
 * image with different CMDs: its own runtime and injector, its own Runtime API on a free loopback port, and
 * {@code AWS_LAMBDA_FUNCTION_NAME} set to its key. Port 9000 then serves only the invoke endpoint, at
 * {@code /2015-03-31/functions/<key>/invocations}, and the first key also as {@code function}. In-process
 * runtimes are started one after another, each once the previous one waits for invocations.
 *
 * <p>Ctrl-C stops it. If an in-process runtime stops by itself (an init error, a crash), this names its key and
 * exits with its exit code. Run with {@code --help} for every option.
 */
public final class LocalMain implements AutoCloseable {

  private static final Duration READY_CHECK = Duration.ofMillis(50);

  /** The JIT and GC flags Lambda's Java runtimes use, which start a JVM quickest on a fraction of a core. */
  static final List<String> LAMBDA_JVM_FLAGS =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Starts one function's runtime. */
  private interface RuntimeStarter {
    /** @return the runtime's exit code; never completes for a supervised runtime, which outlives its processes */
    CompletableFuture<Integer> start(LocalLambda lambda, String key) throws IOException;

    /** Whether the runtime is started now (and waited for) rather than at the first invocation. */
    boolean eager();
  }

  private final List<LocalFunction> functions;
  /** The invoke endpoint of several functions; null with one function, whose own port serves it. */
  private final InvokeServer front;
  private final ExampleEvents examples = new ExampleEvents(LocalMain.class.getClassLoader());
  private final boolean supervised;
  private volatile boolean closing;

  private LocalMain(List<LocalFunction> functions, InvokeServer front, boolean supervised) {
    this.functions = List.copyOf(functions);
    this.front = front;
    this.supervised = supervised;
  }

  public static void main(String[] args) {
    // As LambdaRuntime.main does: no sun.misc.Unsafe warnings from Guice on JDK 24+.
    if (System.getProperty("guice_custom_class_loading") == null) {
      System.setProperty("guice_custom_class_loading", "CHILD");
    }
    LocalOptions options;
    try {
      options = LocalOptions.parse(Arrays.asList(args), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println();
      System.err.println(LocalOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(LocalOptions.USAGE);
      return;
    }
    if (options.invoke() != null) {
      System.exit(LocalInvoke.main(options));
      return;
    }
    LocalMain local;
    try {
      local = options.inProcess() ? start(options, options.runtimeEntry()) : startSupervised(options);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    } catch (IOException e) {
      System.err.println("error: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
      System.exit(1);
      return;
    } catch (InterruptedException e) {
      System.exit(1);
      return;
    }
    PeakConcurrencyNotices peaks = options.maxConcurrency() > 1
        ? PeakConcurrencyNotices.start(local.functions, options.maxConcurrency(), System.err) : null;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (peaks != null) {
        peaks.check();
      }
      local.close();
    }, "local-lambda-shutdown"));
    System.out.println(local.banner());
    local.examples.problems().forEach(problem -> System.err.println("warning: " + problem));
    int exitCode = local.awaitRuntimeExit();
    if (!local.closing) {
      local.close();
      System.exit(exitCode);
    }
  }

  /**
   * Starts the servers and the runtimes; {@link #close()} stops them. With several keys, returns once every runtime
   * waits for invocations, or once one has stopped (the later ones are then not started).
   */
  static LocalMain start(LocalOptions options, RuntimeEntry entry) throws IOException, InterruptedException {
    return start(options, new RuntimeStarter() {
      @Override
      public CompletableFuture<Integer> start(LocalLambda lambda, String key) {
        return inProcess(lambda, key, options, entry).exitCode();
      }

      @Override
      public boolean eager() {
        return true;
      }
    });
  }

  /**
   * Starts the servers, and a {@link SupervisedRuntime} for each key, which starts a runtime process of
   * {@link LocalOptions#runtimeMainClass()} at the key's first invocation; {@link #close()} stops them.
   */
  static LocalMain startSupervised(LocalOptions options) throws IOException, InterruptedException {
    String mainClass = options.runtimeMainClass();
    String classpath = ApplicationClassPath.of(LocalMain.class.getClassLoader());
    return start(options, new RuntimeStarter() {
      @Override
      public CompletableFuture<Integer> start(LocalLambda lambda, String key) {
        supervised(lambda, key, options, mainClass, classpath);
        return new CompletableFuture<>();
      }

      @Override
      public boolean eager() {
        return false;
      }
    });
  }

  private static LocalMain start(LocalOptions options, RuntimeStarter starter)
      throws IOException, InterruptedException {
    return options.handlers().size() > 1 ? startSeveral(options, starter) : startOne(options, starter);
  }

  private static LocalMain startOne(LocalOptions options, RuntimeStarter starter) throws IOException {
    String key = options.handlers().isEmpty() ? null : options.handlers().get(0);
    LocalLambda lambda = lambda(options, options.host(), options.port(), options.functionName());
    try {
      return new LocalMain(List.of(new LocalFunction(key, lambda, starter.start(lambda, key))), null,
          !starter.eager());
    } catch (IOException | RuntimeException e) {
      lambda.close();
      throw e;
    }
  }

  private static LocalMain startSeveral(LocalOptions options, RuntimeStarter starter)
      throws IOException, InterruptedException {
    Map<String, LocalLambda> lambdas = new LinkedHashMap<>();
    InvokeServer front = null;
    try {
      for (String key : options.handlers()) {
        lambdas.put(key, lambda(options, "127.0.0.1", 0, key));
      }
      Map<String, LocalLambda> names = new LinkedHashMap<>();
      names.put(HandlerKeys.FIRST_KEY_ALIAS, lambdas.get(options.handlers().get(0)));
      names.putAll(lambdas);
      front = InvokeServer.start(options.host(), options.port(), names);
      // One after another: a starting LambdaRuntime replaces the root log handler, and two at once could keep both.
      List<LocalFunction> functions = new ArrayList<>();
      boolean oneStopped = false;
      for (Map.Entry<String, LocalLambda> named : lambdas.entrySet()) {
        if (oneStopped) {
          named.getValue().close();
          continue;
        }
        LocalFunction function = new LocalFunction(named.getKey(), named.getValue(),
            starter.start(named.getValue(), named.getKey()));
        functions.add(function);
        oneStopped = starter.eager() && !ready(function);
      }
      return new LocalMain(functions, front, !starter.eager());
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (front != null) {
        front.close();
      }
      lambdas.values().forEach(LocalLambda::close);
      throw e;
    }
  }

  private static LocalLambda lambda(LocalOptions options, String host, int port, String functionName)
      throws IOException {
    LocalLambda.Builder builder = LocalLambda.builder()
        .host(host)
        .port(port)
        .functionName(functionName)
        .region(options.region())
        .functionTimeout(options.timeout())
        .memorySizeMb(options.memorySizeMb())
        .recordRequests(false);
    if (options.maxConcurrency() > 0) {
      builder.maxConcurrency(options.maxConcurrency());
    }
    return builder.start();
  }

  private static InProcessRuntime inProcess(LocalLambda lambda, String key, LocalOptions options,
      RuntimeEntry entry) {
    InProcessRuntime.Builder builder = lambda.inProcess().entry(entry).handler(key);
    return configure(builder, options).start();
  }

  private static SupervisedRuntime supervised(LocalLambda lambda, String key, LocalOptions options,
      String mainClass, String classpath) {
    List<String> flags = new ArrayList<>(LAMBDA_JVM_FLAGS);
    flags.add("-XX:MaxRAM=" + options.memorySizeMb() + "m"); // the JVM sizes its heap as on Lambda
    flags.addAll(options.jvmArgs());
    boolean several = options.handlers().size() > 1;
    String name = key == null ? "the function" : several ? "function " + key : "the function (" + key + ")";
    ChildProcessRuntime.Builder builder = lambda.childProcess()
        .mainClass(mainClass)
        .classpath(classpath)
        .jvmArgs(flags.toArray(new String[0]))
        .handler(key)
        .echoOutput(true)
        .echoPrefix(several ? "[" + key + "] " : "");
    return configure(builder, options).supervise(notice -> System.err.println("LocalMain: " + name + ": " + notice));
  }

  /** Sets the modules and the environment, logs for a terminal when this process's output is one. */
  private static <B extends RuntimeBuilder<B>> B configure(B builder, LocalOptions options) {
    builder.modules(options.modules().toArray(new String[0]));
    if (!options.env().containsKey(LambdaRuntime.LOG_TERMINAL_VARIABLE) && inTerminal()) {
      builder.env(LambdaRuntime.LOG_TERMINAL_VARIABLE, "true"); // stack traces readable, not joined with \r
    }
    return builder.env(options.env());
  }

  /**
   * Whether a person reads this process's output in a terminal. Before JDK 22 a console exists only then; from
   * JDK 22 on, {@code System.console()} exists for redirected streams too, and {@code Console.isTerminal()}
   * (looked up by name: this code is compiled for JDK 17) tells.
   */
  static boolean inTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Waits until the function's runtime waits in {@code /next} (true), or has stopped (false). */
  private static boolean ready(LocalFunction function) throws InterruptedException {
    CompletableFuture<Integer> exit = function.exitCode();
    while (!exit.isDone()) {
      if (function.lambda().awaitPolling(READY_CHECK)) {
        return true;
      }
    }
    return false;
  }

  /** The first function's local Lambda. */
  LocalLambda lambda() {
    return functions.get(0).lambda();
  }

  /** Where to invoke the function {@code name}. */
  URI invokeUri(String name) {
    return front != null ? front.invokeUri(name) : InvokeHandler.uri(lambda().runtimeApi(), name);
  }

  /** The banner's line on the streaming invoke endpoint begins with this. */
  static final String STREAMED = "A StreamingHandler's bytes as they are written (InvokeWithResponseStream): ";

  /** What is printed at start: where the server listens and how to invoke each function, one line each. */
  String banner() {
    String starts = supervised
        ? "\nEach runtime starts in a JVM of its own at its function's first invocation, and again after a timeout"
            + " or an exit."
        : "";
    if (front == null) {
      LocalLambda lambda = lambda();
      String example = ExampleEvents.shellQuoted(examples.forKey(functions.get(0).key()));
      return "Local Lambda listening on " + lambda.runtimeApi() + " (AWS_LAMBDA_RUNTIME_API); invoke with: "
          + "curl -XPOST " + lambda.invokeUri() + " -d " + example
          + "\n" + STREAMED + "curl -N -XPOST " + lambda.streamingInvokeUri() + " -d " + example + starts;
    }
    int width = functions.stream().mapToInt(f -> f.key().length()).max().orElse(0);
    StringBuilder banner = new StringBuilder("Local Lambda serving ").append(functions.size())
        .append(" functions on ").append(front.hostAndPort()).append(", each with its own runtime; invoke with:");
    for (LocalFunction function : functions) {
      String key = function.key();
      banner.append("\n  ").append(key).append(" ".repeat(width - key.length()))
          .append("  curl -XPOST ").append(front.invokeUri(key))
          .append(" -d ").append(ExampleEvents.shellQuoted(examples.forKey(key)));
    }
    String streamed = "http://" + front.hostAndPort() + InvokeHandler.STREAM_PREFIX + "<key>"
        + InvokeHandler.STREAM_SUFFIX;
    banner.append("\n").append(STREAMED).append("curl -N -XPOST ").append(streamed).append(" -d ...");
    return banner.append("\nThe first, ").append(functions.get(0).key()).append(", is also at ")
        .append(front.invokeUri(HandlerKeys.FIRST_KEY_ALIAS)).append(starts).toString();
  }

  /**
   * Waits for an in-process runtime to stop; reports which and why on stderr unless it stopped because of
   * {@link #close()}. Supervised runtimes outlive their processes: this then waits until the JVM exits.
   *
   * @return its exit code, or 1 if it threw
   */
  int awaitRuntimeExit() {
    CompletableFuture<LocalFunction> stopped = new CompletableFuture<>();
    for (LocalFunction function : functions) {
      function.exitCode().whenComplete((code, error) -> stopped.complete(function));
    }
    LocalFunction function = stopped.join();
    String runtime = front == null ? "The runtime" : "The runtime of function " + function.key();
    try {
      int code = function.exitCode().join();
      if (!closing) {
        System.err.println(runtime + " exited with code " + code
            + function.lambda().initError().map(e -> " after an init error: " + e.body()).orElse(""));
      }
      return code;
    } catch (CompletionException e) {
      if (!closing) {
        System.err.println(runtime + " failed:");
        e.getCause().printStackTrace();
      }
      return 1;
    }
  }

  /**
   * Stops the servers, which makes each runtime's {@code /next} fail, and waits a little for the runtimes.
   */
  @Override
  public void close() {
    closing = true;
    if (front != null) {
      front.close();
    }
    for (LocalFunction function : functions) {
      function.lambda().close();
    }
  }
}
