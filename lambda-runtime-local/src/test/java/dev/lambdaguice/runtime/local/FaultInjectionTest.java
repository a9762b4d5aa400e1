package dev.lambdaguice.runtime.local;

import static dev.lambdaguice.runtime.local.RuntimeCalls.NEXT;
import static dev.lambdaguice.runtime.local.RuntimeCalls.REQUEST_ID;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {
  private static final Duration SAFETY = Duration.ofSeconds(30);

  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private LocalLambda lambda;
  private RuntimeCalls runtime;

  @BeforeEach
  void start() throws Exception {
    lambda = LocalLambda.start();
    runtime = new RuntimeCalls(lambda);
  }

  @AfterEach
  void close() {
    lambda.close();
  }

  @Test
  void aStatusOnNextAnswersItOnceThenNextServesInvocations() throws Exception {
    lambda.inject(Endpoint.NEXT, Fault.status(500));

    HttpResponse<String> faulted = runtime.next();

    assertEquals(500, faulted.statusCode());
    assertEquals("InternalServerError", errorType(faulted));
    lambda.invokeAsync("event".getBytes(UTF_8), InvokeOptions.none());
    HttpResponse<String> next = runtime.next();
    assertEquals(200, next.statusCode());
    assertEquals("event", next.body());
  }

  @ParameterizedTest
  @CsvSource({"400, InvalidRequestID", "403, InvalidStateTransition", "410, Gone", "413, RequestEntityTooLarge",
      "500, InternalServerError"})
  void aStatusOnResponseReplacesTheCallAndLeavesTheInvocationWaiting(int status, String errorType)
      throws Exception {
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();
    lambda.inject(Endpoint.RESPONSE, Fault.status(status));

    HttpResponse<String> faulted = runtime.respond(requestId, "\"first\"");

    assertEquals(status, faulted.statusCode());
    assertEquals(errorType, errorType(faulted));
    assertFalse(result.isDone(), "the faulted response reached the invoker");
    assertEquals(202, runtime.respond(requestId, "\"second\"").statusCode());
    assertEquals("\"second\"", result.get(30, SECONDS).bodyAsString());
  }

  @Test
  void aStatusOnErrorAndOnInitErrorReplacesTheCall() throws Exception {
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();
    lambda.inject(Endpoint.ERROR, Fault.status(500));
    lambda.inject(Endpoint.INIT_ERROR, Fault.status(500));

    assertEquals(500, runtime.error(requestId, "Runtime.UserException", "{}").statusCode());
    assertEquals(500, runtime.initError("Runtime.Unknown", "{}").statusCode());

    assertFalse(result.isDone());
    assertTrue(lambda.initError().isEmpty());
  }

  @Test
  void dropOnNextClosesTheConnectionWithoutAnswerThenNextServesInvocations() throws Exception {
    lambda.inject(Endpoint.NEXT, Fault.drop());
    lambda.invokeAsync("event".getBytes(UTF_8), InvokeOptions.none());

    try (RawHttp dropped = new RawHttp(lambda.port())) {
      assertThrows(EOFException.class, () -> dropped.get(NEXT));
    }
    try (RawHttp next = new RawHttp(lambda.port())) {
      assertEquals("event", next.get(NEXT).bodyAsString(), "the dropped /next took no invocation");
    }
  }

  @Test
  void dropOnResponseClosesTheConnectionAndLeavesTheInvocationWaiting() throws Exception {
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();
    lambda.inject(Endpoint.RESPONSE, Fault.drop());
    String path = "/2018-06-01/runtime/invocation/" + requestId + "/response";

    try (RawHttp dropped = new RawHttp(lambda.port())) {
      assertThrows(EOFException.class, () -> dropped.post(path, "\"lost\""));
    }

    assertFalse(result.isDone());
    try (RawHttp retry = new RawHttp(lambda.port())) {
      assertEquals(202, retry.post(path, "\"kept\"").status());
    }
    assertEquals("\"kept\"", result.get(30, SECONDS).bodyAsString());
  }

  @Test
  void aDelayedCallIsThenHandledNormally() throws Exception {
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    lambda.inject(Endpoint.NEXT, Fault.delay(Duration.ofMillis(20)));
    lambda.inject(Endpoint.RESPONSE, Fault.delay(Duration.ofMillis(20)));

    String requestId = runtime.take();
    assertEquals(202, runtime.respond(requestId, "\"ok\"").statusCode());

    assertEquals("\"ok\"", result.get(30, SECONDS).bodyAsString());
  }

  @Test
  void aDelayHoldsTheAnswerBackUntilTheServerCloses() throws Exception {
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    lambda.inject(Endpoint.NEXT, Fault.delay(Duration.ofHours(1)));
    CompletableFuture<HttpResponse<String>> next = runtime.nextAsync();
    assertTrue(lambda.awaitRequest(r -> r.endpoint() == Endpoint.NEXT, SAFETY).isPresent());

    lambda.close();

    ExecutionException failure = assertThrows(ExecutionException.class, () -> next.get(30, SECONDS));
    assertInstanceOf(IOException.class, failure.getCause());
  }

  @Test
  void faultsApplyInTheOrderInjectedAndAsManyTimesAsAsked() throws Exception {
    lambda.inject(Endpoint.NEXT, Fault.status(410), 2);
    lambda.inject(Endpoint.NEXT, Fault.status(400));

    assertEquals(410, runtime.next().statusCode());
    assertEquals(410, runtime.next().statusCode());
    assertEquals(400, runtime.next().statusCode());
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    HttpResponse<String> next = runtime.next();
    assertEquals(200, next.statusCode());
    assertTrue(next.headers().firstValue(REQUEST_ID).isPresent());
    assertEquals(4, lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.NEXT).count(),
        "faulted calls are recorded too");
  }

  @Test
  void clearFaultsRemovesUnusedFaults() throws Exception {
    lambda.inject(Endpoint.NEXT, Fault.status(500), 3);
    lambda.clearFaults();
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());

    assertEquals(200, runtime.next().statusCode());
  }

  @Test
  void aFakeRuntimeExitsOnAnInjected500() throws Exception {
    lambda.inject(Endpoint.NEXT, Fault.status(500));

    InProcessRuntime fake = lambda.inProcess().entry(FakeRuntime.loggingTo(log.stream())).start();

    assertEquals(2, fake.exitCode().get(30, SECONDS), log.text());
    assertTrue(log.text().contains("fake runtime exiting: /next answered 500"), log.text());
  }

  @Test
  void badFaultsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Fault.status(99));
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> lambda.inject(Endpoint.NEXT, Fault.drop(), 0));
  }

  private static String errorType(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject().get("errorType").getAsString();
  }
}
