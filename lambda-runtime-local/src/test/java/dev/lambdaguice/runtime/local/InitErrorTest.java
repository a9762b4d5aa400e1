package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InitErrorTest {
  private static final String BODY =
      "{\"errorMessage\":\"no handler named nope\",\"errorType\":\"NoSuchHandler\",\"stackTrace\":[]}";

  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  @Test
  void anInitErrorIsRecordedAndFailsQueuedAndLaterInvocations() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    CompletableFuture<InvokeResult> queued = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    assertTrue(lambda.initError().isEmpty());

    HttpResponse<String> posted = runtime.initError("Runtime.NoSuchHandler", BODY);

    assertEquals(202, posted.statusCode());
    RuntimeError error = lambda.initError().orElseThrow();
    assertEquals("Runtime.NoSuchHandler", error.errorType());
    assertEquals(BODY, error.body());
    assertEquals("no handler named nope", error.errorMessage());
    InvokeResult pending = queued.get(30, SECONDS);
    assertTrue(pending.error());
    assertEquals("Runtime.NoSuchHandler", pending.errorType());
    assertEquals(BODY, pending.bodyAsString());
    InvokeResult later = lambda.invoke("{}");
    assertTrue(later.error());
    assertEquals("Runtime.NoSuchHandler", later.errorType());
    assertEquals(BODY, later.bodyAsString());
    assertEquals(403, runtime.initError("Runtime.Unknown", "{}").statusCode(), "a second init error");
  }

  @Test
  void theInvokeEndpointAnswersWithTheInitError() throws Exception {
    lambda = LocalLambda.start();
    assertEquals(202, new RuntimeCalls(lambda).initError("Runtime.NoSuchHandler", BODY).statusCode());

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(lambda.invokeUri()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("Unhandled", response.headers().firstValue("X-Amz-Function-Error").orElseThrow());
    assertEquals(BODY, response.body());
  }

  @Test
  void anInitErrorAfterTheFirstNextIs403() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    runtime.take();

    HttpResponse<String> posted = runtime.initError("Runtime.Unknown", BODY);

    assertEquals(403, posted.statusCode());
    assertTrue(posted.body().contains("InvalidStateTransition"), posted.body());
    assertTrue(lambda.initError().isEmpty());
  }

  @Test
  void aFakeRuntimeThatFailsInitExitsAndItsInvocationsFail() throws Exception {
    lambda = LocalLambda.start();
    InProcessRuntime runtime = lambda.inProcess()
        .entry(FakeRuntime.loggingTo(log.stream())).env("FAKE_INIT_ERROR", "broken").start();

    assertEquals(3, runtime.exitCode().get(30, SECONDS));
    assertEquals("Runtime.BadFunctionCode", lambda.initError().orElseThrow().errorType());
    assertEquals("broken", lambda.invoke("{}").errorMessage());
  }
}
