package dev.lambdaguice.runtime.local;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SupervisedRuntime}: real runtime processes, started, killed and replaced the way Lambda does. */
class SupervisedRuntimeTest {

  private final List<String> notices = new CopyOnWriteArrayList<>();
  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private SupervisedRuntime supervise(Duration timeout, String... env) throws Exception {
    lambda = LocalLambda.builder().functionTimeout(timeout).start();
    ChildProcessRuntime.Builder builder = lambda.childProcess().modules(LifecycleModule.class)
        .handler(LifecycleModule.KEY).jvmArgs("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    for (int i = 0; i < env.length; i += 2) {
      builder.env(env[i], env[i + 1]);
    }
    return builder.supervise(notices::add);
  }

  private InvokeResult invoke(String command) throws Exception {
    return lambda.invoke("\"" + command + "\"");
  }

  private static long pid(InvokeResult result) {
    assertFalse(result.error(), result.bodyAsString());
    return Long.parseLong(result.bodyAsString().replace("\"", ""));
  }

  @Test
  void theFirstInvocationStartsTheProcessAndLaterOnesReuseIt() throws Exception {
    SupervisedRuntime runtime = supervise(Duration.ofSeconds(30));
    assertEquals(0, runtime.started());
    assertTrue(runtime.current().isEmpty());

    long pid = pid(invoke("pid"));

    assertEquals(pid, runtime.current().orElseThrow().pid());
    assertEquals(pid, pid(invoke("pid")), "a warm runtime serves the next invocation");
    assertEquals(1, runtime.started());
    assertEquals(1, notices.size(), notices.toString());
    assertTrue(notices.get(0).startsWith("started a runtime process (pid " + pid + ")"), notices.toString());
  }

  @Test
  void aTimedOutInvocationIsAnsweredAtTheDeadlineAndItsProcessKilled() throws Exception {
    SupervisedRuntime runtime = supervise(Duration.ofSeconds(1));
    ChildProcessRuntime first = startedProcess(runtime);

    InvokeResult timedOut = invoke("hang");

    assertEquals("Sandbox.Timedout", timedOut.errorType());
    assertEquals("RequestId: " + timedOut.requestId() + " Error: Task timed out after 1.00 seconds",
        timedOut.errorMessage());
    first.exitCode().get(30, SECONDS);
    assertFalse(first.isAlive());
    assertTrue(notices.stream().anyMatch(n -> n.equals("invocation " + timedOut.requestId()
        + " timed out: killed the runtime process (pid " + first.pid() + "); the next invocation starts a fresh one")),
        notices.toString());

    long next = pid(invoke("pid"));
    assertNotEquals(first.pid(), next);
    assertEquals(2, runtime.started());
  }

  @Test
  void invocationsQueuedBehindATimedOutOneGoToAFreshProcess() throws Exception {
    SupervisedRuntime runtime = supervise(Duration.ofSeconds(1));
    ChildProcessRuntime first = startedProcess(runtime);

    CompletableFuture<InvokeResult> hang = lambda.invokeAsync("\"hang\"".getBytes(), InvokeOptions.none());
    CompletableFuture<InvokeResult> queued = lambda.invokeAsync("\"pid\"".getBytes(), InvokeOptions.none());

    assertEquals("Sandbox.Timedout", hang.get(30, SECONDS).errorType());
    assertNotEquals(first.pid(), pid(queued.get(30, SECONDS)));
    assertEquals(2, runtime.started());
  }

  @Test
  void aProcessThatExitsFailsItsInvocationWithRuntimeExitErrorAndTheNextGetsAFreshOne() throws Exception {
    SupervisedRuntime runtime = supervise(Duration.ofSeconds(30));
    long first = pid(invoke("pid"));

    InvokeResult exited = invoke("exit");

    assertEquals("Runtime.ExitError", exited.errorType());
    assertEquals("RequestId: " + exited.requestId() + " Error: Runtime exited with error: exit status 7",
        exited.errorMessage());
    assertNotEquals(first, pid(invoke("pid")));
    assertEquals(2, runtime.started());
    assertTrue(notices.stream().anyMatch(n -> n.startsWith("the runtime process (pid " + first
        + ") exited with status 7, failing 1 invocation")), notices.toString());
  }

  @Test
  void anInitErrorIsNotRememberedBeyondItsProcess(@TempDir Path dir) throws Exception {
    Path ready = dir.resolve("ready");
    SupervisedRuntime runtime = supervise(Duration.ofSeconds(30), LifecycleModule.INIT_FAILS_UNTIL, ready.toString());

    InvokeResult failed = invoke("pid");
    assertTrue(failed.error(), failed.bodyAsString());
    assertTrue(failed.bodyAsString().contains("init fails until"), failed.bodyAsString());
    awaitNotices("after an init error", 1);

    InvokeResult again = invoke("pid");
    assertTrue(again.bodyAsString().contains("init fails until"), "a fresh process initializes again and fails");
    awaitNotices("after an init error", 2);

    Files.createFile(ready);
    long pid = pid(invoke("pid"));
    assertEquals(pid, runtime.current().orElseThrow().pid());
    assertEquals(3, runtime.started());
  }

  @Test
  void closingTheLocalLambdaStopsTheProcessQuietly() throws Exception {
    SupervisedRuntime runtime = supervise(Duration.ofSeconds(30));
    ChildProcessRuntime process = startedProcess(runtime);

    lambda.close();

    process.exitCode().get(30, SECONDS);
    assertTrue(runtime.current().isEmpty());
    assertEquals(List.of("started a runtime process (pid " + process.pid() + ")"), notices);
  }

  private ChildProcessRuntime startedProcess(SupervisedRuntime runtime) throws Exception {
    pid(invoke("pid"));
    return runtime.current().orElseThrow();
  }

  /** Waits for {@code count} notices of a process's exit, each of which comes once that process has exited. */
  private void awaitNotices(String part, int count) throws InterruptedException {
    for (int i = 0; i < 600 && notices.stream().filter(n -> n.contains(part)).count() < count; i++) {
      Thread.sleep(50);
    }
    assertEquals(count, notices.stream().filter(n -> n.contains(part)).count(), notices.toString());
  }
}
