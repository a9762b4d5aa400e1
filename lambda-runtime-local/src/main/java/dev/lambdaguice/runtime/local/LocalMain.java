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
 * Runs the lambda-guice runtime in this JVM against a local Runtime API, and serves the invoke endpoint on the
 * same port (9000 by default), like the Runtime Interface Emulator:
 *
 * <pre>
 * java -cp app.jar:... dev.lambdaguice.runtime.local.LocalMain --modules com.example.AppModule --handler echo
 * curl -XPOST localhost:9000/2015-03-31/functions/function/invocations -d '{"body":"hello world"}'
 * </pre>
 *
 * <p>With several handler keys ({@code --handler api,echo}), each key is its own function, as if made from one
 * image with different CMDs: its own runtime and injector, its own Runtime API on a free loopback port, and
 * {@code AWS_LAMBDA_FUNCTION_NAME} set to its key. Port 9000 then serves only the invoke endpoint, at
 * {@code /2015-03-31/functions/<key>/invocations}, and the first key also as {@code function}. The runtimes are
 * started one after another, each once the previous one waits for invocations.
 *
 * <p>Ctrl-C stops it. If a runtime stops by itself (an init error, a crash), this names its key and exits with its
 * exit code. Run with {@code --help} for every option.
 */
public final class LocalMain implements AutoCloseable {

  private static final Duration READY_CHECK = Duration.ofMillis(50);

  private final List<LocalFunction> functions;
  /** The invoke endpoint of several functions; null with one function, whose own port serves it. */
  private final InvokeServer front;
  private volatile boolean closing;

  private LocalMain(List<LocalFunction> functions, InvokeServer front) {
    this.functions = List.copyOf(functions);
    this.front = front;
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
    LocalMain local;
    try {
      local = start(options, options.runtimeEntry());
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
    Runtime.getRuntime().addShutdownHook(new Thread(local::close, "local-lambda-shutdown"));
    System.out.println(local.banner());
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
    return options.handlers().size() > 1 ? startSeveral(options, entry) : startOne(options, entry);
  }

  private static LocalMain startOne(LocalOptions options, RuntimeEntry entry) throws IOException {
    String key = options.handlers().isEmpty() ? null : options.handlers().get(0);
    LocalLambda lambda = lambda(options, options.host(), options.port(), options.functionName());
    try {
      return new LocalMain(List.of(new LocalFunction(key, lambda, runtime(lambda, key, options, entry))), null);
    } catch (RuntimeException e) {
      lambda.close();
      throw e;
    }
  }

  private static LocalMain startSeveral(LocalOptions options, RuntimeEntry entry)
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
            runtime(named.getValue(), named.getKey(), options, entry));
        functions.add(function);
        oneStopped = !ready(function);
      }
      return new LocalMain(functions, front);
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
    return LocalLambda.builder()
        .host(host)
        .port(port)
        .functionName(functionName)
        .region(options.region())
        .functionTimeout(options.timeout())
        .memorySizeMb(options.memorySizeMb())
        .recordRequests(false)
        .start();
  }

  private static InProcessRuntime runtime(LocalLambda lambda, String key, LocalOptions options,
      RuntimeEntry entry) {
    InProcessRuntime.Builder builder = lambda.inProcess()
        .entry(entry)
        .handler(key)
        .modules(options.modules().toArray(new String[0]));
    if (!options.env().containsKey(LambdaRuntime.LOG_TERMINAL_VARIABLE) && inTerminal()) {
      builder.env(LambdaRuntime.LOG_TERMINAL_VARIABLE, "true"); // stack traces readable, not joined with \r
    }
    return builder.env(options.env()).start();
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
    CompletableFuture<Integer> exit = function.runtime().exitCode();
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

  /** What is printed at start: where the server listens and how to invoke each function, one line each. */
  String banner() {
    if (front == null) {
      LocalLambda lambda = lambda();
      return "Local Lambda listening on " + lambda.runtimeApi() + " (AWS_LAMBDA_RUNTIME_API); invoke with: "
          + "curl -XPOST " + lambda.invokeUri() + " -d '{\"body\":\"hello world\"}'";
    }
    int width = functions.stream().mapToInt(f -> f.key().length()).max().orElse(0);
    StringBuilder banner = new StringBuilder("Local Lambda serving ").append(functions.size())
        .append(" functions on ").append(front.hostAndPort()).append(", each with its own runtime; invoke with:");
    for (LocalFunction function : functions) {
      String key = function.key();
      banner.append("\n  ").append(key).append(" ".repeat(width - key.length()))
          .append("  curl -XPOST ").append(front.invokeUri(key))
          .append(" -d '").append(key.equals("echo") ? "{\"body\":\"hello world\"}" : "{}").append('\'');
    }
    return banner.append("\nThe first, ").append(functions.get(0).key()).append(", is also at ")
        .append(front.invokeUri(HandlerKeys.FIRST_KEY_ALIAS)).toString();
  }

  /**
   * Waits for a runtime to stop; reports which and why on stderr unless it stopped because of {@link #close()}.
   *
   * @return its exit code, or 1 if it threw
   */
  int awaitRuntimeExit() {
    CompletableFuture<LocalFunction> stopped = new CompletableFuture<>();
    for (LocalFunction function : functions) {
      function.runtime().exitCode().whenComplete((code, error) -> stopped.complete(function));
    }
    LocalFunction function = stopped.join();
    String runtime = front == null ? "The runtime" : "The runtime of function " + function.key();
    try {
      int code = function.runtime().exitCode().join();
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
