package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.e2e.fixtures.E2eModule;
import dev.lambdaguice.runtime.e2e.fixtures.HooksModule;
import dev.lambdaguice.runtime.e2e.fixtures.ShutdownModule;
import dev.lambdaguice.runtime.local.ChildProcessRuntime;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.ExtensionRegistration;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RecordedRequest;
import dev.lambdaguice.runtime.local.RuntimeShutdown;
import dev.lambdaguice.runtime.local.SupervisedRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown as Lambda does it: the real runtime in its own JVM registers its internal extension, and the
 * local platform ends it with SIGTERM (SIGKILL when nothing registered). The budgets given to {@code shutdown} are
 * generous hang guards, not timings under test; the runtime's own budget is what the hooks get.
 */
class ShutdownHooksEndToEndTest {

  private static final Duration GUARD = Duration.ofSeconds(30);

  private LocalLambda lambda;

  @BeforeEach
  void start() throws Exception {
    lambda = LocalLambda.start();
  }

  @AfterEach
  void stop() {
    lambda.close();
  }

  private static int line(List<String> lines, String text, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line with '" + text + "' after line " + from + " in:\n" + String.join("\n", lines));
  }

  private int first(Endpoint endpoint) {
    List<RecordedRequest> requests = lambda.requests();
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).endpoint() == endpoint) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void onSigtermTheShutdownHooksRunTheirLinesAreLoggedAndTheProcessExits() throws Exception {
    ChildProcessRuntime runtime = lambda.childProcess().modules(ShutdownModule.class).handler("work").start();
    assertFalse(lambda.invoke("\"hi\"").error());

    List<ExtensionRegistration> extensions = lambda.extensions();
    assertEquals(1, extensions.size());
    assertEquals("lambda-guice-shutdown", extensions.get(0).name());
    assertEquals(List.of(), extensions.get(0).events());
    assertTrue(extensions.get(0).ready(), "the runtime called /extension/event/next");
    assertTrue(first(Endpoint.EXTENSION_REGISTER) < first(Endpoint.NEXT), "registered during init");
    RecordedRequest poll = lambda.requests().get(first(Endpoint.EXTENSION_NEXT));
    assertEquals(extensions.get(0).identifier(), poll.header("Lambda-Extension-Identifier"));

    RuntimeShutdown shutdown = runtime.shutdown(GUARD);

    assertTrue(shutdown.sigterm(), "an extension registered, so SIGTERM");
    assertTrue(shutdown.exitedWithinBudget());
    assertEquals(0, shutdown.exitCode());
    List<String> lines = runtime.stdout().lines();
    int at = line(lines, "SIGTERM: running 1 shutdown hook within 400 ms", 0);
    at = line(lines, "hook flush-metrics ran", at);
    line(lines, "Shutdown hooks finished in", at);
    assertTrue(lines.stream().noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ")), String.join("\n", lines));
    assertEquals(List.of(), runtime.stderr().lines());
  }

  @Test
  void aHookThatThrowsAndOneThatHangsAreLoggedAndTheProcessStillExits() throws Exception {
    ChildProcessRuntime runtime = lambda.childProcess().modules(ShutdownModule.Troubled.class).handler("work")
        .env("LAMBDA_GUICE_SHUTDOWN_BUDGET_MS", "300").start();
    assertTrue(lambda.awaitPolling(GUARD));

    RuntimeShutdown shutdown = runtime.shutdown(GUARD);

    assertTrue(shutdown.exitedWithinBudget(), "the runtime gave up on the hanging hook after its own budget");
    assertEquals(0, shutdown.exitCode());
    List<String> lines = runtime.stdout().lines();
    int at = line(lines, "SIGTERM: running 4 shutdown hooks within 300 ms", 0);
    at = line(lines, "hook flush-metrics ran", at);
    at = line(lines, " WARN dev.lambdaguice.runtime Shutdown hook " + ShutdownModule.Fail.class.getName()
        + " failed: java.lang.IllegalStateException: the metrics endpoint is gone", at);
    line(lines, " WARN dev.lambdaguice.runtime Shutdown hooks did not finish within 300 ms"
        + " (LAMBDA_GUICE_SHUTDOWN_BUDGET_MS): " + ShutdownModule.Hang.class.getName() + " (still running), "
        + HooksModule.Logged.class.getName() + " (not started); exiting", at);
    assertTrue(lines.stream().noneMatch(l -> l.contains("hook never-started ran")), String.join("\n", lines));
  }

  @Test
  void sigtermDuringAnInvocationRunsTheHooksAndTheProcessExitsWithoutAnsweringIt() throws Exception {
    SupervisedRuntime supervised = lambda.childProcess().modules(ShutdownModule.class).handler("work").supervise();
    CompletableFuture<InvokeResult> pending =
        lambda.invokeAsync("\"hang\"".getBytes(StandardCharsets.UTF_8), InvokeOptions.none());
    ChildProcessRuntime runtime = supervised.current().orElseThrow();
    assertTrue(runtime.stdout().await(l -> l.contains("working on"), GUARD), "the invocation is in the handler");

    RuntimeShutdown shutdown = runtime.shutdown(GUARD);

    assertTrue(shutdown.exitedWithinBudget());
    assertEquals(0, shutdown.exitCode());
    line(runtime.stdout().lines(), "hook flush-metrics ran", 0);
    InvokeResult result = pending.get(30, TimeUnit.SECONDS);
    assertEquals("Runtime.ExitError", result.errorType(), "as on Lambda when a runtime exits mid-invocation");
    assertTrue(result.bodyAsString().contains("exit status 0"), result.bodyAsString());
  }

  @Test
  void withoutShutdownHooksNothingIsRegisteredAndShutdownKillsAtOnce() throws Exception {
    ChildProcessRuntime runtime = lambda.childProcess().modules(E2eModule.class).handler("shout").start();
    assertFalse(lambda.invoke("hi").error());

    assertTrue(lambda.requests().stream().noneMatch(r -> r.path().startsWith("/2020-01-01/")),
        "no Extensions API call at all: " + lambda.requests());
    assertEquals(List.of(), lambda.extensions());

    RuntimeShutdown shutdown = runtime.shutdown(GUARD);

    assertFalse(shutdown.sigterm());
    assertEquals(128 + 9, shutdown.exitCode(), "SIGKILL, as Lambda ends a runtime without extensions");
  }
}
