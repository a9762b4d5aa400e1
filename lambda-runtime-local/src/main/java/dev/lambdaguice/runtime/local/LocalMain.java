package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.util.Arrays;
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
 * <p>Ctrl-C stops it. If the runtime stops by itself (an init error, a crash), this exits with its exit code.
 * Run with {@code --help} for every option.
 */
public final class LocalMain implements AutoCloseable {

  private final LocalLambda lambda;
  private final InProcessRuntime runtime;
  private volatile boolean closing;

  private LocalMain(LocalLambda lambda, InProcessRuntime runtime) {
    this.lambda = lambda;
    this.runtime = runtime;
  }

  public static void main(String[] args) {
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
    }
    Runtime.getRuntime().addShutdownHook(new Thread(local::close, "local-lambda-shutdown"));
    System.out.println(local.banner());
    int exitCode = local.awaitRuntimeExit();
    if (!local.closing) {
      local.close();
      System.exit(exitCode);
    }
  }

  /** Starts the server and the runtime; {@link #close()} stops both. */
  static LocalMain start(LocalOptions options, RuntimeEntry entry) throws IOException {
    LocalLambda lambda = LocalLambda.builder()
        .host(options.host())
        .port(options.port())
        .functionName(options.functionName())
        .region(options.region())
        .functionTimeout(options.timeout())
        .memorySizeMb(options.memorySizeMb())
        .recordRequests(false)
        .start();
    try {
      InProcessRuntime runtime = lambda.inProcess()
          .entry(entry)
          .handler(options.handler())
          .modules(options.modules().toArray(new String[0]))
          .env(options.env())
          .start();
      return new LocalMain(lambda, runtime);
    } catch (RuntimeException e) {
      lambda.close();
      throw e;
    }
  }

  LocalLambda lambda() {
    return lambda;
  }

  /** The one line printed at start: where the server listens and how to invoke the function. */
  String banner() {
    return "Local Lambda listening on " + lambda.runtimeApi() + " (AWS_LAMBDA_RUNTIME_API); invoke with: "
        + "curl -XPOST " + lambda.invokeUri() + " -d '{\"body\":\"hello world\"}'";
  }

  /** Waits for the runtime to stop; reports why on stderr unless it stopped because of {@link #close()}. */
  int awaitRuntimeExit() {
    try {
      int code = runtime.exitCode().join();
      if (!closing) {
        System.err.println("The runtime exited with code " + code
            + lambda.initError().map(e -> " after an init error: " + e.body()).orElse(""));
      }
      return code;
    } catch (CompletionException e) {
      if (!closing) {
        System.err.println("The runtime failed:");
        e.getCause().printStackTrace();
      }
      return 1;
    }
  }

  /** Stops the server, which makes the runtime's {@code /next} fail, and waits a little for the runtime. */
  @Override
  public void close() {
    closing = true;
    lambda.close();
  }
}
