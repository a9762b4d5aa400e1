package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Java API around the server: invoking, timeouts, closing, the environment. */
class LocalLambdaTest {
  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  @Test
  void anInvokeNobodyTakesTimesOutAndIsDroppedFromTheQueue() throws Exception {
    lambda = LocalLambda.builder().invokeTimeout(Duration.ofMillis(200)).start();

    TimeoutException timeout = assertThrows(TimeoutException.class, () -> lambda.invoke("first"));
    assertTrue(timeout.getMessage().contains("no runtime took it"), timeout.getMessage());

    RuntimeCalls runtime = new RuntimeCalls(lambda);
    lambda.invokeAsync("second".getBytes(UTF_8), InvokeOptions.none());
    assertEquals("second", runtime.next().body());
  }

  @Test
  void anInvokeTheRuntimeTookButNeverAnsweredTimesOutForTheInvoker() throws Exception {
    lambda = LocalLambda.builder().invokeTimeout(Duration.ofMillis(200)).start();
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    String requestId = runtime.take();

    ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(30, SECONDS));

    assertInstanceOf(TimeoutException.class, failure.getCause());
    assertTrue(failure.getCause().getMessage().contains("the runtime has not answered it"),
        failure.getCause().getMessage());
    assertEquals(202, runtime.respond(requestId, "\"late\"").statusCode(), "the invocation is still in flight");
  }

  @Test
  void closeFailsPendingInvocationsAndLaterInvokes() throws Exception {
    lambda = LocalLambda.start();
    CompletableFuture<InvokeResult> inFlight = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    CompletableFuture<InvokeResult> queued = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    new RuntimeCalls(lambda).take();

    lambda.close();

    for (CompletableFuture<InvokeResult> result : List.of(queued, inFlight)) {
      ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(30, SECONDS));
      assertInstanceOf(IllegalStateException.class, failure.getCause());
    }
    assertThrows(IllegalStateException.class, () -> lambda.invoke("{}"));
    assertThrows(IllegalStateException.class, () -> lambda.inProcess().entry(FakeRuntime::run).start());
  }

  @Test
  void anEventOverSixMebibytesIsRejected() throws Exception {
    lambda = LocalLambda.start();

    assertThrows(IllegalArgumentException.class,
        () -> lambda.invokeAsync(new byte[6 * 1024 * 1024 + 1], InvokeOptions.none()));
  }

  @Test
  void theEnvironmentIsLambdas() throws Exception {
    lambda = LocalLambda.builder().functionName("orders").region("ap-south-1").memorySizeMb(1024).start();

    Map<String, String> env = lambda.environment("echo");

    assertEquals(lambda.runtimeApi(), env.get("AWS_LAMBDA_RUNTIME_API"));
    assertEquals("127.0.0.1:" + lambda.port(), lambda.runtimeApi());
    assertEquals("echo", env.get("_HANDLER"));
    assertEquals("orders", env.get("AWS_LAMBDA_FUNCTION_NAME"));
    assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION"));
    assertEquals("1024", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
    assertEquals("/aws/lambda/orders", env.get("AWS_LAMBDA_LOG_GROUP_NAME"));
    assertTrue(env.get("AWS_LAMBDA_LOG_STREAM_NAME").matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"),
        env.get("AWS_LAMBDA_LOG_STREAM_NAME"));
    assertEquals("ap-south-1", env.get("AWS_REGION"));
    assertEquals("ap-south-1", env.get("AWS_DEFAULT_REGION"));
    assertEquals("on-demand", env.get("AWS_LAMBDA_INITIALIZATION_TYPE"));
    assertEquals(Path.of("").toAbsolutePath().toString(), env.get("LAMBDA_TASK_ROOT"));
    assertTrue(lambda.environment(null).get("_HANDLER") == null);
    assertEquals("arn:aws:lambda:ap-south-1:123456789012:function:orders", lambda.functionArn());
    assertEquals("http://" + lambda.runtimeApi() + "/2015-03-31/functions/function/invocations",
        lambda.invokeUri().toString());
  }

  @Test
  void twoLocalLambdasGetTwoPorts() throws Exception {
    lambda = LocalLambda.start();
    try (LocalLambda other = LocalLambda.start()) {
      assertNotEquals(lambda.port(), other.port());
    }
  }

  @Test
  void withRecordingOffNothingIsRecorded() throws Exception {
    lambda = LocalLambda.builder().recordRequests(false).start();
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    new RuntimeCalls(lambda).take();

    assertTrue(lambda.requests().isEmpty());
    assertThrows(IllegalStateException.class, () -> lambda.awaitRequest(r -> true, Duration.ofSeconds(1)));
  }

  @Test
  void clearRequestsForgetsWhatWasRecorded() throws Exception {
    lambda = LocalLambda.start();
    lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    new RuntimeCalls(lambda).take();
    assertEquals(1, lambda.requests().size());

    lambda.clearRequests();

    assertTrue(lambda.requests().isEmpty());
  }

  @Test
  void invokeResultsCompareByContentAndHideTheirBody() {
    InvokeResult one = new InvokeResult("id", false, null, "application/json", "secret".getBytes(UTF_8));
    InvokeResult same = new InvokeResult("id", false, null, "application/json", "secret".getBytes(UTF_8));

    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertTrue(!one.toString().contains("secret"), one.toString());
    one.body()[0] = 'X';
    assertEquals("secret", one.bodyAsString(), "body() hands out a copy");
  }
}
