package dev.lambdaguice.test;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.CapturedOutput;
import dev.lambdaguice.runtime.local.ChildProcessRuntime;
import dev.lambdaguice.runtime.local.InProcessRuntime;
import dev.lambdaguice.runtime.local.LocalLambda;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One handler key as a local function: a {@link LocalLambda} and the runtime serving it. */
final class TestFunction implements AutoCloseable {

  private final LocalLambda lambda;
  private final ChildProcessRuntime child;
  private final CompletableFuture<Integer> exitCode;
  private int stdoutSeen;
  private int stderrSeen;

  private TestFunction(LocalLambda lambda, ChildProcessRuntime child, CompletableFuture<Integer> exitCode) {
    this.lambda = lambda;
    this.child = child;
    this.exitCode = exitCode;
  }

  /** Starts a local Lambda for {@code key} and its runtime; in process, the runtime logs to {@code logOutput}. */
  static TestFunction start(String key, TestConfig config, PrintStream logOutput) throws IOException {
    LocalLambda.Builder builder = LocalLambda.builder()
        .functionName(key)
        .functionTimeout(config.functionTimeout())
        .memorySizeMb(config.memorySizeMb());
    if (config.maxConcurrency() > 0) {
      builder.maxConcurrency(config.maxConcurrency());
    }
    LocalLambda lambda = builder.start();
    try {
      String[] modules = config.modules().toArray(String[]::new);
      if (config.mode() == RuntimeMode.CHILD_PROCESS) {
        ChildProcessRuntime child = lambda.childProcess().modules(modules).handler(key).env(config.env())
            .jvmArgs(config.jvmArgs().toArray(String[]::new)).start();
        return new TestFunction(lambda, child, child.exitCode());
      }
      InProcessRuntime runtime = lambda.inProcess().modules(modules).handler(key).env(config.env())
          .entry((env, args) -> LambdaRuntime.run(env, args, logOutput)).start();
      return new TestFunction(lambda, null, runtime.exitCode());
    } catch (IOException | RuntimeException e) {
      lambda.close();
      throw e;
    }
  }

  LocalLambda lambda() {
    return lambda;
  }

  /** Completes with the runtime's exit code when it ends. */
  CompletableFuture<Integer> exitCode() {
    return exitCode.copy();
  }

  /** Copies a child process's output lines that came since the last call into {@code logs}. */
  synchronized void collectOutput(CapturedLogs logs) {
    if (child != null) {
      stdoutSeen = copy(child.stdout(), stdoutSeen, logs);
      stderrSeen = copy(child.stderr(), stderrSeen, logs);
    }
  }

  private static int copy(CapturedOutput output, int seen, CapturedLogs logs) {
    List<String> lines = output.lines();
    for (int i = seen; i < lines.size(); i++) {
      logs.add(lines.get(i));
    }
    return lines.size();
  }

  @Override
  public void close() {
    lambda.close();
  }
}
