package dev.lambdaguice.runtime.local;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * {@code LocalMain --invoke <file|->}: one invocation of one handler key, like {@code sam local invoke -e}. The
 * runtime runs on a thread of this JVM against a local Lambda on a free loopback port; the result (the response, or
 * the error JSON) goes to stdout, a streamed response as it arrives, and nothing else does: the runtime's logs and whatever the function prints go to
 * stderr.
 */
final class LocalInvoke {

  /** The exit code after a response. */
  static final int OK = 0;
  /** The exit code after a function error, an init error, a timeout or the runtime's exit. */
  static final int FAILED = 1;
  /** The exit code after bad arguments or an unreadable event. */
  static final int USAGE = 2;

  private LocalInvoke() {}

  /**
   * Runs the invocation {@code options} names, printing as described above.
   *
   * @return the exit code
   */
  static int main(LocalOptions options) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    byte[] event;
    RuntimeEntry entry;
    try {
      event = read(options.invoke(), System.in);
      entry = options.runtimeEntry();
    } catch (IOException e) {
      stderr.println("error: cannot read the event " + ("-".equals(options.invoke()) ? "from stdin" : options.invoke())
          + ": " + e);
      return USAGE;
    } catch (IllegalArgumentException e) {
      stderr.println("error: " + e.getMessage());
      return USAGE;
    }
    System.setOut(stderr); // what the runtime and the function print must not mix with the result
    try {
      return run(options, entry, event, stdout, stderr);
    } catch (InterruptedException e) {
      return FAILED;
    } finally {
      System.setOut(stdout);
    }
  }

  /** The event in {@code file}, or {@code stdin} for {@code -}. */
  static byte[] read(String file, InputStream stdin) throws IOException {
    return "-".equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
  }

  /**
   * Invokes with {@code event} and prints the result on {@code result}, a line about a failure on {@code errors}.
   *
   * @return the exit code
   */
  static int run(LocalOptions options, RuntimeEntry entry, byte[] event, PrintStream result, PrintStream errors)
      throws InterruptedException {
    if (event.length > InvokeHandler.MAX_EVENT_BYTES) {
      errors.println("error: the event is " + event.length + " bytes; Lambda takes at most "
          + InvokeHandler.MAX_EVENT_BYTES);
      return USAGE;
    }
    String key = options.handlers().isEmpty() ? null : options.handlers().get(0);
    LocalLambda lambda;
    try {
      lambda = LocalLambda.builder()
          .functionName(options.functionName())
          .region(options.region())
          .functionTimeout(options.timeout())
          .memorySizeMb(options.memorySizeMb())
          .recordRequests(false)
          .start();
    } catch (IOException e) {
      errors.println("error: cannot start a local Lambda: " + e.getMessage());
      return FAILED;
    }
    boolean stuck = false;
    try {
      InProcessRuntime.Builder runtime = lambda.inProcess().entry(entry).handler(key)
          .modules(options.modules().toArray(new String[0]));
      if (!options.env().containsKey(LambdaRuntime.LOG_TERMINAL_VARIABLE) && LocalMain.inTerminal()) {
        runtime.env(LambdaRuntime.LOG_TERMINAL_VARIABLE, "true");
      }
      CompletableFuture<Integer> exit = runtime.env(options.env()).start().exitCode();
      PendingInvocation invoked = lambda.invocations().submit(event, InvokeOptions.none(), true);
      // A runtime that ends without answering fails the invocation, as on Lambda, instead of leaving it waiting.
      exit.whenComplete((code, error) -> lambda.invocations().failAll("Runtime.ExitError", requestId -> "RequestId: "
          + requestId + " Error: Runtime exited with error: " + (code != null ? "exit status " + code : error)));
      InvokeResult answer;
      try (StreamingInvocation invocation = StreamingInvocation.started(invoked)) {
        byte[] buffer = new byte[8 * 1024];
        for (int n; (n = invocation.body().read(buffer)) >= 0; ) {
          result.write(buffer, 0, n); // a streamed response is printed as it arrives
          result.flush();
        }
        answer = invocation.result();
      }
      result.println();
      result.flush();
      if (answer.error()) {
        stuck = "Sandbox.Timedout".equals(answer.errorType());
        errors.println("error: the invocation failed with " + answer.errorType()
            + (answer.errorMessage() != null ? ": " + answer.errorMessage() : ""));
        return FAILED;
      }
      return OK;
    } catch (TimeoutException | IllegalStateException | java.io.IOException e) {
      errors.println("error: the invocation got no answer: " + (e instanceof TimeoutException ? e.getMessage() : e));
      return FAILED;
    } finally {
      if (!stuck) {
        lambda.close(); // after a timeout the function may never return: the JVM's exit ends it, at once
      }
    }
  }
}
