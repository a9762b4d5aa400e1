package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A child-process runtime kept the way Lambda keeps the runtime of an execution environment:
 *
 * <ul>
 *   <li>it starts a process for the first invocation, not before (a cold start);
 *   <li>when an invocation times out, the invoker gets {@code Sandbox.Timedout} at the deadline and the process is
 *       killed at once (SIGKILL); invocations queued behind it go to a fresh process;
 *   <li>when the process exits by itself (a crash, {@code System.exit}, after an init error), the invocations it
 *       had or that were queued fail with {@code Runtime.ExitError}, as on Lambda;
 *   <li>the next invocation after either starts a fresh process, which initializes again (an init error is not
 *       remembered beyond its process).
 * </ul>
 *
 * <p>A killed process can no longer answer, and an answer that races the deadline is refused as a second answer.
 *
 * <pre>{@code
 * try (LocalLambda lambda = LocalLambda.builder().functionTimeout(Duration.ofSeconds(3)).start()) {
 *   SupervisedRuntime runtime = lambda.childProcess().modules(AppModule.class).handler("orders").supervise();
 *   InvokeResult result = lambda.invoke("{}"); // starts the first process
 * }
 * }</pre>
 */
public final class SupervisedRuntime implements ManagedRuntime {

  /** Starts one process. */
  interface Launcher {
    ChildProcessRuntime launch() throws IOException;
  }

  private final LocalLambda lambda;
  private final Invocations invocations;
  private final Launcher launcher;
  private final Consumer<String> notices;
  private ChildProcessRuntime current;
  private int started;
  private boolean stopping;

  SupervisedRuntime(LocalLambda lambda, Launcher launcher, Consumer<String> notices) {
    this.lambda = lambda;
    this.invocations = lambda.invocations();
    this.launcher = launcher;
    this.notices = notices;
    invocations.listen(new Invocations.Listener() {
      @Override
      public void submitted() {
        ensureRunning();
      }

      @Override
      public void timedOut(String requestId) {
        killAfterTimeout(requestId);
      }
    });
  }

  /** The process serving invocations now, if one is running. */
  public synchronized Optional<ChildProcessRuntime> current() {
    return Optional.ofNullable(current);
  }

  /** How many processes have been started so far. */
  public synchronized int started() {
    return started;
  }

  private void ensureRunning() {
    ChildProcessRuntime child;
    synchronized (this) {
      if (stopping || current != null) {
        return;
      }
      lambda.newRuntime();
      try {
        child = launcher.launch();
      } catch (IOException | RuntimeException e) {
        String reason = "cannot start the runtime process: " + e.getMessage();
        invocations.failAll("LocalLambda.RuntimeStartFailed", requestId -> reason);
        notices.accept(reason);
        return;
      }
      current = child;
      started++;
    }
    notices.accept("started a runtime process (pid " + child.pid() + ")");
    child.exitCode().whenComplete((code, error) -> exited(child, code));
  }

  private void killAfterTimeout(String requestId) {
    ChildProcessRuntime child;
    synchronized (this) {
      child = current;
      current = null;
    }
    if (child != null) {
      child.kill();
      notices.accept("invocation " + requestId + " timed out: killed the runtime process (pid " + child.pid()
          + "); the next invocation starts a fresh one");
    }
    if (invocations.hasQueued()) {
      ensureRunning();
    }
  }

  private void exited(ChildProcessRuntime child, Integer code) {
    synchronized (this) {
      if (current != child || stopping) {
        return; // killed after a timeout, or stopped with the local Lambda
      }
      current = null;
    }
    String status = code == null ? "unknown" : code.toString();
    String initError = invocations.initError().map(e -> " after an init error (" + e.errorType() + ")").orElse("");
    int failed = invocations.failAll("Runtime.ExitError",
        requestId -> "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + status);
    lambda.newRuntime();
    notices.accept("the runtime process (pid " + child.pid() + ") exited with status " + status + initError
        + (failed > 0 ? ", failing " + failed + (failed == 1 ? " invocation" : " invocations") : "")
        + "; the next invocation starts a fresh one");
  }

  @Override
  public void stopping() {
    synchronized (this) {
      stopping = true;
    }
  }

  /** Stops the running process, if any (SIGTERM, then SIGKILL after 10 seconds), and starts no other. */
  @Override
  public void stop() {
    ChildProcessRuntime child;
    synchronized (this) {
      stopping = true;
      child = current;
      current = null;
    }
    if (child != null) {
      child.close();
    }
  }
}
