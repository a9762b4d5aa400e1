package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.e2e.fixtures.HooksModule;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.ChildProcessRuntime;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RecordedRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SnapStart as Lambda runs it for a container image: the real runtime in its own JVM, the restore emulated locally. */
class SnapStartEndToEndTest {

  /** Index of the first line at or after {@code from} that contains {@code text}; fails if there is none. */
  private static int line(List<String> lines, String text, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line with '" + text + "' after line " + from + " in:\n" + String.join("\n", lines));
  }

  private static List<Endpoint> endpoints(LocalLambda lambda) {
    return lambda.requests().stream().map(RecordedRequest::endpoint).toList();
  }

  @Test
  void theRuntimePrimesChecksPointsIsRestoredAndThenServes() throws Exception {
    try (LocalLambda lambda = LocalLambda.builder().snapStart().start()) {
      ChildProcessRuntime runtime = lambda.childProcess().modules(HooksModule.class).handler("echo-hooks").start();

      InvokeResult result = lambda.invoke("\"hi\"");

      assertFalse(result.error(), result::bodyAsString);
      assertTrue(lambda.restored());
      assertEquals(List.of(Endpoint.RESTORE_NEXT, Endpoint.NEXT, Endpoint.RESPONSE), endpoints(lambda).subList(0, 3));
      assertTrue(runtime.stdout().await(l -> l.contains("handled " + result.requestId()), java.time.Duration.ofSeconds(30)));
      List<String> lines = runtime.stdout().lines();
      int at = line(lines, "handled priming-1", 0);
      at = line(lines, "Primed handler 'echo-hooks' with 1 event", at);
      at = line(lines, "hook before-checkpoint ran", at);
      at = line(lines, "Ready for the SnapStart snapshot", at);
      at = line(lines, "hook after-restore ran", at);
      at = line(lines, "Restored from the SnapStart snapshot", at);
      line(lines, "handled " + result.requestId(), at);
      assertTrue(lines.stream().noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ")), String.join("\n", lines));
    }
  }

  @Test
  void withConcurrentLoopsTheRestoreHappensOnceBeforeAnyLoopPolls() throws Exception {
    try (LocalLambda lambda = LocalLambda.builder().snapStart().maxConcurrency(3).start()) {
      ChildProcessRuntime runtime = lambda.childProcess().modules(HooksModule.class).handler("echo-hooks").start();

      assertFalse(lambda.invoke("\"hi\"").error());
      assertTrue(lambda.awaitRequest(r -> r.endpoint() == Endpoint.NEXT
          && lambda.requests().stream().filter(q -> q.endpoint() == Endpoint.NEXT).count() >= 4,
          java.time.Duration.ofSeconds(30)).isPresent(), "every loop polls: " + endpoints(lambda));

      List<Endpoint> endpoints = endpoints(lambda);
      assertEquals(Endpoint.RESTORE_NEXT, endpoints.get(0), "the restore comes first: " + endpoints);
      assertEquals(1, endpoints.stream().filter(e -> e == Endpoint.RESTORE_NEXT).count());
      assertEquals(1, runtime.stdout().lines().stream().filter(l -> l.contains("hook after-restore ran")).count());
    }
  }

  @Test
  void aFailingAfterRestoreHookIsAPostedRestoreErrorAndTheProcessExits() throws Exception {
    try (LocalLambda lambda = LocalLambda.builder().snapStart().start()) {
      ChildProcessRuntime runtime =
          lambda.childProcess().modules(HooksModule.FailingRestore.class).handler("echo-hooks").start();

      assertEquals(LambdaRuntime.EXIT_RESTORE_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));

      assertEquals("Runtime.AfterRestoreError", lambda.restoreError().orElseThrow().errorType());
      assertTrue(lambda.restoreError().get().errorMessage().contains("the credentials could not be refreshed"));
      assertEquals(List.of(Endpoint.RESTORE_NEXT, Endpoint.RESTORE_ERROR), endpoints(lambda));
      InvokeResult result = lambda.invoke("\"hi\"");
      assertEquals("Runtime.AfterRestoreError", result.errorType(), "invocations fail with the restore error");
      assertTrue(runtime.stdout().lines().stream().anyMatch(l -> l.contains(" ERROR ")
          && l.contains("Restore failed: Runtime.AfterRestoreError")), String.join("\n", runtime.stdout().lines()));
    }
  }

  @Test
  void withoutSnapStartNoHookRunsAndNoRestoreIsAskedFor() throws Exception {
    try (LocalLambda lambda = LocalLambda.start()) {
      ChildProcessRuntime runtime = lambda.childProcess().modules(HooksModule.class).handler("echo-hooks").start();

      InvokeResult result = lambda.invoke("\"hi\"");

      assertFalse(result.error(), result::bodyAsString);
      assertFalse(endpoints(lambda).contains(Endpoint.RESTORE_NEXT));
      assertTrue(runtime.stdout().await(l -> l.contains("handled " + result.requestId()), java.time.Duration.ofSeconds(30)));
      assertTrue(runtime.stdout().lines().stream().noneMatch(l -> l.contains("hook ") || l.contains("priming")),
          String.join("\n", runtime.stdout().lines()));
    }
  }
}
