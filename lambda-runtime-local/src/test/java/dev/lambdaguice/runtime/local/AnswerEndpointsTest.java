package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnswerEndpointsTest {
  private static final int LIMIT = 6 * 1024 * 1024 + 100;

  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private LocalLambda lambda;
  private RuntimeCalls runtime;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private void start() throws Exception {
    start(LocalLambda.builder());
  }

  private void start(LocalLambda.Builder builder) throws Exception {
    lambda = builder.start();
    runtime = new RuntimeCalls(lambda);
  }

  @Test
  void aResponseIsAcceptedAndReachesTheInvokerWithItsContentType() throws Exception {
    start();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();

    HttpResponse<String> answer = runtime.respond(requestId, "<p>hi</p>".getBytes(UTF_8), "text/html; charset=utf-8");

    assertEquals(202, answer.statusCode());
    InvokeResult invoked = result.get(30, SECONDS);
    assertEquals(requestId, invoked.requestId());
    assertFalse(invoked.error());
    assertNull(invoked.errorType());
    assertEquals("text/html; charset=utf-8", invoked.contentType());
    assertEquals("<p>hi</p>", invoked.bodyAsString());
  }

  @Test
  void anUnknownRequestIdIs400InvalidRequestId() throws Exception {
    start();
    HttpResponse<String> response = runtime.respond("no-such-id", "{}");
    HttpResponse<String> error = runtime.error("no-such-id", "Runtime.UserException", "{}");

    assertEquals(400, response.statusCode());
    assertEquals("InvalidRequestID", errorType(response));
    assertTrue(json(response).has("errorMessage"));
    assertEquals(400, error.statusCode());
    assertEquals("InvalidRequestID", errorType(error));
  }

  @Test
  void aSecondAnswerForOneInvocationIs403InvalidStateTransition() throws Exception {
    start();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();
    assertEquals(202, runtime.respond(requestId, "\"first\"").statusCode());

    HttpResponse<String> again = runtime.respond(requestId, "\"second\"");
    HttpResponse<String> errorAfter = runtime.error(requestId, "Runtime.UserException", "{}");

    assertEquals(403, again.statusCode());
    assertEquals("InvalidStateTransition", errorType(again));
    assertEquals(403, errorAfter.statusCode());
    assertEquals("InvalidStateTransition", errorType(errorAfter));
    assertEquals("\"first\"", result.get(30, SECONDS).bodyAsString());
  }

  @Test
  void anErrorIsAcceptedAndReachesTheInvokerWithItsTypeAndBody() throws Exception {
    start();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();
    String body = "{\"errorMessage\":\"bad input\",\"errorType\":\"java.lang.IllegalArgumentException\","
        + "\"stackTrace\":[\"a.B.c(B.java:1)\"]}";

    HttpResponse<String> answer = runtime.error(requestId, "Runtime.UserException", body);

    assertEquals(202, answer.statusCode());
    InvokeResult invoked = result.get(30, SECONDS);
    assertTrue(invoked.error());
    assertEquals("Runtime.UserException", invoked.errorType());
    assertEquals(body, invoked.bodyAsString());
    assertEquals("bad input", invoked.errorMessage());

    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    assertEquals(202, runtime.respond(runtime.take(), "{}").statusCode(), "the runtime goes on after an error");
  }

  @Test
  void aResponseOverSixMebibytesIs413AndTheInvokerGetsResponseSizeTooLarge() throws Exception {
    start();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();

    HttpResponse<String> answer = runtime.respond(requestId, new byte[LIMIT + 1], "application/json");

    assertEquals(413, answer.statusCode());
    assertEquals("RequestEntityTooLarge", errorType(answer));
    InvokeResult invoked = result.get(30, SECONDS);
    assertTrue(invoked.error());
    assertEquals("Function.ResponseSizeTooLarge", invoked.errorType());
    assertEquals("Function.ResponseSizeTooLarge", JsonParser.parseString(invoked.bodyAsString())
        .getAsJsonObject().get("errorType").getAsString());
    assertEquals("Response payload size exceeded maximum allowed payload size (6291556 bytes).",
        invoked.errorMessage());
    assertEquals(403, runtime.error(requestId, "Runtime.Unknown", "{}").statusCode(),
        "a 413'd invocation counts as answered");
    assertEquals(LIMIT + 1, lambda.requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE).findFirst().orElseThrow().bodyLength());
  }

  @Test
  void aResponseOfExactlyTheLimitIsAccepted() throws Exception {
    start();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    byte[] body = new byte[LIMIT];
    Arrays.fill(body, (byte) 'x');

    HttpResponse<String> answer = runtime.respond(runtime.take(), body, "application/octet-stream");

    assertEquals(202, answer.statusCode());
    InvokeResult invoked = result.get(30, SECONDS);
    assertFalse(invoked.error());
    assertArrayEquals(body, invoked.body());
  }

  @Test
  void anInvocationNotAnsweredByItsDeadlineFailsWithSandboxTimedout() throws Exception {
    start(LocalLambda.builder().functionTimeout(Duration.ofMillis(300)));
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.take();

    InvokeResult invoked = result.get(30, SECONDS);

    assertTrue(invoked.error());
    assertEquals("Sandbox.Timedout", invoked.errorType());
    assertEquals("RequestId: " + requestId + " Error: Task timed out after 0.30 seconds", invoked.errorMessage());
    assertEquals(403, runtime.respond(requestId, "\"late\"").statusCode());
  }

  @Test
  void everyRuntimeRequestIsRecordedWithoutItsBody() throws Exception {
    start();
    InProcessRuntime fake = lambda.inProcess().entry(FakeRuntime.loggingTo(log.stream())).start();
    for (int i = 0; i < 20; i++) {
      InvokeOptions options = InvokeOptions.none().withInvocationId("inv-" + i);
      String event = i % 4 == 0 ? "error:number " + i : "event " + i;
      InvokeResult result = lambda.invoke(event, options);
      assertEquals(i % 4 == 0, result.error());
    }

    Map<String, Long> answersPerRequestId = lambda.requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .collect(Collectors.groupingBy(RecordedRequest::requestId, Collectors.counting()));
    assertEquals(20, answersPerRequestId.size());
    assertTrue(answersPerRequestId.values().stream().allMatch(count -> count == 1), answersPerRequestId.toString());
    assertEquals(5, lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.ERROR).count());
    RecordedRequest firstError = lambda.requests().stream()
        .filter(r -> r.endpoint() == Endpoint.ERROR).findFirst().orElseThrow();
    assertEquals("Runtime.UserException", firstError.header("lambda-runtime-function-error-type"));
    assertEquals("POST", firstError.method());
    assertEquals("/2018-06-01/runtime/invocation/" + firstError.requestId() + "/error", firstError.path());
    assertTrue(firstError.bodyLength() > 0);
    Map<String, String> echoed = lambda.requests().stream()
        .filter(r -> r.requestId() != null)
        .collect(Collectors.toMap(RecordedRequest::requestId, r -> r.header("Lambda-Runtime-Invocation-Id")));
    assertEquals(20, echoed.values().stream().filter(id -> id.startsWith("inv-")).distinct().count());
    assertTrue(lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.NEXT).count() >= 20);
    fake.close();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private static String errorType(HttpResponse<String> response) {
    return json(response).get("errorType").getAsString();
  }
}
