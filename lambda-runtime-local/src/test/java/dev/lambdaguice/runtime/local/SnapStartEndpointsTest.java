package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SnapStart part of the Runtime API, driven by hand: restore/next, restore/error, and /next after them. */
class SnapStartEndpointsTest {
  private static final String RESTORE_ERROR =
      "{\"errorMessage\":\"hook failed\",\"errorType\":\"Runtime.AfterRestoreError\",\"stackTrace\":[]}";

  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  @Test
  void withoutSnapStartTheRestoreEndpointsAre404AndTheInitTypeIsOnDemand() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);

    HttpResponse<String> restore = runtime.restoreNext();
    assertEquals(404, restore.statusCode());
    assertTrue(restore.body().contains("snapStart()"), restore.body());
    assertEquals(404, runtime.restoreError("Runtime.AfterRestoreError", RESTORE_ERROR).statusCode());
    assertEquals("on-demand", lambda.environment("h").get("AWS_LAMBDA_INITIALIZATION_TYPE"));
    assertFalse(lambda.restored());
    assertEquals(List.of(Endpoint.RESTORE_NEXT, Endpoint.RESTORE_ERROR),
        lambda.requests().stream().map(RecordedRequest::endpoint).toList(), "recorded all the same");
  }

  @Test
  void invocationsAreHandedOutOnlyAfterTheRestore() throws Exception {
    lambda = LocalLambda.builder().snapStart().start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    assertEquals("snap-start", lambda.environment("h").get("AWS_LAMBDA_INITIALIZATION_TYPE"));
    CompletableFuture<InvokeResult> queued = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());

    HttpResponse<String> early = runtime.next();
    assertEquals(403, early.statusCode());
    assertTrue(early.body().contains("restore/next"), early.body());
    assertFalse(lambda.restored());

    assertEquals(200, runtime.restoreNext().statusCode());
    assertTrue(lambda.restored());
    String requestId = runtime.take();
    assertEquals(202, runtime.respond(requestId, "\"served\"").statusCode());
    assertEquals("\"served\"", queued.get(30, SECONDS).bodyAsString());
    assertEquals(List.of(Endpoint.NEXT, Endpoint.RESTORE_NEXT, Endpoint.NEXT, Endpoint.RESPONSE),
        lambda.requests().stream().map(RecordedRequest::endpoint).toList());
  }

  @Test
  void aSecondRestoreNextIsAnInvalidStateTransition() throws Exception {
    lambda = LocalLambda.builder().snapStart().start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);

    assertEquals(200, runtime.restoreNext().statusCode());
    assertEquals(403, runtime.restoreNext().statusCode());
  }

  @Test
  void whileTheSnapshotIsTakenTheRuntimeIsNotRestoredAndGetsNoInvocation() throws Exception {
    lambda = LocalLambda.builder().snapStart(Duration.ofMinutes(5)).start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);

    CompletableFuture<HttpResponse<String>> restore = runtime.restoreNextAsync();
    assertTrue(lambda.awaitRequest(r -> r.endpoint() == Endpoint.RESTORE_NEXT, Duration.ofSeconds(30)).isPresent());

    assertFalse(restore.isDone());
    assertFalse(lambda.restored());
    assertEquals(403, runtime.next().statusCode());
  }

  @Test
  void aRestoreErrorIsRecordedAndFailsQueuedAndLaterInvocations() throws Exception {
    lambda = LocalLambda.builder().snapStart().start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    assertEquals(403, runtime.restoreError("Runtime.AfterRestoreError", RESTORE_ERROR).statusCode(),
        "no restore error before the restore");
    CompletableFuture<InvokeResult> queued = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());

    assertEquals(200, runtime.restoreNext().statusCode());
    assertEquals(202, runtime.restoreError("Runtime.AfterRestoreError", RESTORE_ERROR).statusCode());

    RuntimeError error = lambda.restoreError().orElseThrow();
    assertEquals("Runtime.AfterRestoreError", error.errorType());
    assertEquals("hook failed", error.errorMessage());
    assertEquals("Runtime.AfterRestoreError", queued.get(30, SECONDS).errorType());
    assertEquals("Runtime.AfterRestoreError", lambda.invoke("{}").errorType());
    assertEquals(403, runtime.restoreError("Runtime.AfterRestoreError", RESTORE_ERROR).statusCode(), "a second one");
  }
}
