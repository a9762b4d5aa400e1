package dev.lambdaguice.runtime.local;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InProcessRuntimeTest {
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
  void runsTheEntryWithTheLambdaEnvironmentAndTheHandlerAsArgument() throws Exception {
    lambda = LocalLambda.builder().functionName("orders").start();
    InProcessRuntime runtime = lambda.inProcess()
        .entry(FakeRuntime.loggingTo(log.stream()))
        .handler("echo")
        .modules("com.example.AModule", "com.example.BModule")
        .env("EXTRA", "x")
        .env("AWS_REGION", "eu-central-1")
        .start();

    assertEquals("hello", lambda.invoke("hello").bodyAsString());
    assertEquals(lambda.runtimeApi(), lambda.invoke("env:AWS_LAMBDA_RUNTIME_API").bodyAsString());
    assertEquals("orders", lambda.invoke("env:AWS_LAMBDA_FUNCTION_NAME").bodyAsString());
    assertEquals("echo", lambda.invoke("env:_HANDLER").bodyAsString());
    assertEquals("echo", lambda.invoke("args").bodyAsString());
    assertEquals("com.example.AModule,com.example.BModule",
        lambda.invoke("env:LAMBDA_GUICE_MODULES").bodyAsString());
    assertEquals("x", lambda.invoke("env:EXTRA").bodyAsString());
    assertEquals("eu-central-1", lambda.invoke("env:AWS_REGION").bodyAsString(), "extras win over defaults");
    assertEquals(List.of("echo"), runtime.args());
    assertEquals("x", runtime.environment().get("EXTRA"));
    assertTrue(runtime.isAlive());
  }

  @Test
  void servesManyInvocationsInARow() throws Exception {
    lambda = LocalLambda.start();
    lambda.inProcess().entry(FakeRuntime.loggingTo(log.stream())).start();

    for (int i = 0; i < 300; i++) {
      assertEquals("{\"n\":" + i + "}", lambda.invoke("{\"n\":" + i + "}").bodyAsString());
    }
    assertEquals(300, lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.RESPONSE).count());
  }

  @Test
  void theRuntimeExitsWithItsCodeWhenTheLocalLambdaCloses() throws Exception {
    lambda = LocalLambda.start();
    InProcessRuntime runtime = lambda.inProcess().entry(FakeRuntime.loggingTo(log.stream())).start();
    assertTrue(lambda.awaitPolling(Duration.ofSeconds(30)));

    lambda.close();

    assertEquals(1, runtime.exitCode().get(30, SECONDS));
    assertFalse(runtime.isAlive());
  }

  @Test
  void theExitCodeIsWhatTheEntryReturns() throws Exception {
    lambda = LocalLambda.start();
    InProcessRuntime runtime = lambda.inProcess().entry(FakeRuntime.loggingTo(log.stream())).start();

    lambda.invokeAsync("exit:7".getBytes(java.nio.charset.StandardCharsets.UTF_8), InvokeOptions.none());

    assertEquals(7, runtime.exitCode().get(30, SECONDS));
  }

  @Test
  void whatTheEntryThrowsFailsTheExitCode() throws Exception {
    lambda = LocalLambda.start();
    IllegalStateException thrown = new IllegalStateException("no modules");
    InProcessRuntime runtime = lambda.inProcess().entry((env, args) -> {
      throw thrown;
    }).start();

    ExecutionException failure = assertThrows(ExecutionException.class, () -> runtime.exitCode().get(30, SECONDS));
    assertSame(thrown, failure.getCause());
  }
}
