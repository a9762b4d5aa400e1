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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NextEndpointTest {
  private static final Duration SAFETY = Duration.ofSeconds(30);

  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  @Test
  void nextBlocksUntilAnInvocationIsQueuedThenCarriesEveryHeader() throws Exception {
    lambda = LocalLambda.builder()
        .functionName("orders")
        .region("eu-west-1")
        .accountId("111122223333")
        .functionTimeout(Duration.ofSeconds(42))
        .start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    CompletableFuture<HttpResponse<String>> next = runtime.nextAsync();
    assertTrue(lambda.awaitPolling(SAFETY));
    assertFalse(next.isDone(), "/next answered although nothing was queued");

    String traceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    InvokeOptions options = InvokeOptions.none()
        .withTraceId(traceId)
        .withClientContext("{\"custom\":{\"app\":\"x\"}}")
        .withCognitoIdentity("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
        .withTenantId("tenant-7")
        .withInvocationId("invocation-9");
    long before = System.currentTimeMillis();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{\"k\":1}".getBytes(UTF_8), options);
    HttpResponse<String> response = next.get(30, SECONDS);
    long after = System.currentTimeMillis();

    assertEquals(200, response.statusCode());
    assertEquals("{\"k\":1}", response.body());
    String requestId = header(response, REQUEST_ID);
    assertEquals(requestId, UUID.fromString(requestId).toString());
    long deadline = Long.parseLong(header(response, "Lambda-Runtime-Deadline-Ms"));
    assertTrue(deadline >= before + 42_000 && deadline <= after + 42_000, "deadline " + deadline);
    assertEquals("arn:aws:lambda:eu-west-1:111122223333:function:orders",
        header(response, "Lambda-Runtime-Invoked-Function-Arn"));
    assertEquals(lambda.functionArn(), header(response, "Lambda-Runtime-Invoked-Function-Arn"));
    assertEquals(traceId, header(response, "Lambda-Runtime-Trace-Id"));
    assertEquals("{\"custom\":{\"app\":\"x\"}}", header(response, "Lambda-Runtime-Client-Context"));
    assertEquals("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}",
        header(response, "Lambda-Runtime-Cognito-Identity"));
    assertEquals("tenant-7", header(response, "Lambda-Runtime-Aws-Tenant-Id"));
    assertEquals("invocation-9", header(response, "Lambda-Runtime-Invocation-Id"));
    assertFalse(result.isDone(), "the invocation completed before the runtime answered");

    assertEquals(202, runtime.respond(requestId, "\"done\"").statusCode());
    assertEquals(requestId, result.get(30, SECONDS).requestId());
  }

  @Test
  void nextGeneratesAnXRayTraceIdAndLeavesOutOptionalHeadersNobodyGave() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());

    HttpResponse<String> first = runtime.next();
    HttpResponse<String> second = runtime.next();

    String traceId = header(first, "Lambda-Runtime-Trace-Id");
    assertTrue(traceId.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0"), traceId);
    long traceSeconds = Long.parseLong(traceId.substring(7, 15), 16);
    assertTrue(Math.abs(traceSeconds - System.currentTimeMillis() / 1000) < 3600, traceId);
    assertFalse(traceId.equals(header(second, "Lambda-Runtime-Trace-Id")), "two invocations, one trace id");
    assertFalse(header(first, REQUEST_ID).equals(header(second, REQUEST_ID)), "two invocations, one request id");
    for (String absent : List.of("Lambda-Runtime-Client-Context", "Lambda-Runtime-Cognito-Identity",
        "Lambda-Runtime-Aws-Tenant-Id", "Lambda-Runtime-Invocation-Id")) {
      assertTrue(first.headers().firstValue(absent).isEmpty(), absent);
    }
  }

  @Test
  void longPollsFollowEachOtherOnOneKeptAliveConnection() throws Exception {
    lambda = LocalLambda.start();
    try (RawHttp runtime = new RawHttp(lambda.port())) {
      for (int i = 0; i < 5; i++) {
        runtime.send("GET " + NEXT + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
        assertTrue(lambda.awaitPolling(SAFETY));
        CompletableFuture<InvokeResult> result = lambda.invokeAsync(("event-" + i).getBytes(UTF_8),
            InvokeOptions.none());
        RawHttp.Response next = runtime.read();
        assertEquals(200, next.status());
        assertEquals("event-" + i, next.bodyAsString());
        RawHttp.Response answer = runtime.post(
            "/2018-06-01/runtime/invocation/" + next.header(REQUEST_ID) + "/response", "answer-" + i);
        assertEquals(202, answer.status());
        assertEquals("answer-" + i, result.get(30, SECONDS).bodyAsString());
      }
    }
  }

  @Test
  void aRuntimeThatWentAwayWhilePollingDoesNotSwallowTheNextInvocation() throws Exception {
    lambda = LocalLambda.start();
    List<RawHttp> gone = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RawHttp poller = new RawHttp(lambda.port());
      poller.send("GET " + NEXT + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
      gone.add(poller);
    }
    assertTrue(lambda.awaitRequest(r -> countNext() == 3, SAFETY).isPresent());
    for (RawHttp poller : gone) {
      poller.close();
    }
    try (RawHttp runtime = new RawHttp(lambda.port())) {
      runtime.send("GET " + NEXT + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
      assertTrue(lambda.awaitRequest(r -> countNext() == 4, SAFETY).isPresent());
      CompletableFuture<InvokeResult> result = lambda.invokeAsync("ping".getBytes(UTF_8), InvokeOptions.none());

      RawHttp.Response next = runtime.read();
      assertEquals("ping", next.bodyAsString());
      runtime.post("/2018-06-01/runtime/invocation/" + next.header(REQUEST_ID) + "/response", "pong");
      assertEquals("pong", result.get(30, SECONDS).bodyAsString());
    }
  }

  @Test
  void closeFailsAPendingNextAndRefusesNewConnections() throws Exception {
    lambda = LocalLambda.start();
    int port = lambda.port();
    CompletableFuture<HttpResponse<String>> next = new RuntimeCalls(lambda).nextAsync();
    assertTrue(lambda.awaitPolling(SAFETY));

    lambda.close();

    ExecutionException failure = assertThrows(ExecutionException.class, () -> next.get(30, SECONDS));
    assertInstanceOf(IOException.class, failure.getCause());
    assertThrows(IOException.class, () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      }
    });
  }

  private long countNext() {
    return lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.NEXT).count();
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
  }
}
