package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.e2e.fixtures.E2eModule;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.Fault;
import dev.lambdaguice.runtime.local.InProcessRuntime;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RecordedRequest;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every invocation ends with exactly one /response or /error, and the runtime keeps serving, or exits when it must.
 * The runtimes log to the test's {@link CapturedLogs}: what they log on purpose is checked, not printed.
 */
@CaptureLogs
class ExactlyOnceTest {

  private LocalLambda lambda;
  private CapturedLogs logs;

  @BeforeEach
  void start(CapturedLogs logs) throws Exception {
    this.logs = logs;
    lambda = LocalLambda.start();
  }

  @AfterEach
  void stop() {
    lambda.close();
  }

  private InProcessRuntime serve(String key) {
    return lambda.inProcess().modules(E2eModule.class).handler(key)
        .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
  }

  private long answers(String requestId) {
    return lambda.requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }

  private static String command(String mode) {
    return "{\"mode\":\"" + mode + "\",\"secret\":\"hunter2\"}";
  }

  @Test
  void everyKindOfFailureIsOneErrorAndTheLoopGoesOn() throws Exception {
    serve("fail");
    List<InvokeResult> results = new ArrayList<>();
    for (String event : new String[] {command("exception"), "[1,2]", "{\"mode\":", command("nan"),
        command("interrupt"), command("hostile"), command("cycle"), command("fine")}) {
      results.add(lambda.invoke(event));
    }
    InvokeResult exception = results.get(0);
    assertTrue(exception.error());
    assertEquals("Runtime.UserException", exception.errorType());
    assertTrue(exception.bodyAsString().contains("\"errorType\":\"java.lang.IllegalStateException\""));
    assertEquals("the order service is down", exception.errorMessage());

    assertEquals("Runtime.InvalidEvent", results.get(1).errorType());
    assertTrue(results.get(1).errorMessage().contains(
        "dev.lambdaguice.runtime.e2e.fixtures.FailingHandler$Command"), results.get(1).errorMessage());
    assertEquals("Runtime.InvalidEvent", results.get(2).errorType());
    assertEquals("Runtime.InvalidResponse", results.get(3).errorType());
    assertTrue(results.get(3).errorMessage().contains("NaN"), results.get(3).errorMessage());
    assertEquals("\"interrupted\"", results.get(4).bodyAsString());
    assertEquals("Runtime.UserException", results.get(5).errorType());
    assertTrue(results.get(5).errorMessage().contains("FailingHandler$HostileException"),
        results.get(5).errorMessage());
    assertEquals("Runtime.InvalidResponse", results.get(6).errorType());
    assertEquals("\"ok\"", results.get(7).bodyAsString(), "the runtime goes on after all of them");
    for (InvokeResult result : results) {
      assertEquals(1, answers(result.requestId()), "exactly one answer for " + result);
    }
    assertTrue(logs.contains("the order service is down"), "the handler's exception is logged: " + logs.lines());
    assertEquals(List.of(), logs.containing("hunter2"), "no event is logged, so no secret in it");
  }

  @Test
  void invocationIdIsEchoedOnResponseAndError() throws Exception {
    serve("fail");
    InvokeResult ok = lambda.invoke(command("fine").getBytes(StandardCharsets.UTF_8),
        InvokeOptions.none().withInvocationId("inv-ok"));
    InvokeResult failed = lambda.invoke(command("exception").getBytes(StandardCharsets.UTF_8),
        InvokeOptions.none().withInvocationId("inv-failed"));
    assertEquals("inv-ok", answer(ok.requestId()).header("Lambda-Runtime-Invocation-Id"));
    RecordedRequest error = answer(failed.requestId());
    assertEquals(Endpoint.ERROR, error.endpoint());
    assertEquals("inv-failed", error.header("Lambda-Runtime-Invocation-Id"));
  }

  private RecordedRequest answer(String requestId) {
    return lambda.requests().stream()
        .filter(r -> requestId.equals(r.requestId()))
        .findFirst().orElseThrow(() -> new AssertionError("no answer for " + requestId));
  }

  @Test
  void aTooLargeResponseIsNeverFollowedByAnError() throws Exception {
    serve("big");
    InvokeResult tooLarge = lambda.invoke("7000000");
    assertTrue(tooLarge.error());
    assertEquals("Function.ResponseSizeTooLarge", tooLarge.errorType());
    assertEquals(1, answers(tooLarge.requestId()));
    assertTrue(lambda.requests().stream().noneMatch(r -> r.endpoint() == Endpoint.ERROR), "no /error after a 413");
    InvokeResult fits = lambda.invoke("5000000");
    assertFalse(fits.error());
    assertEquals(5_000_002, fits.bodyLength());
  }

  @Test
  void aServerErrorOnNextEndsTheRuntime() throws Exception {
    lambda.inject(Endpoint.NEXT, Fault.status(500));
    InProcessRuntime runtime = serve("fail");
    assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
    assertTrue(logs.contains("failed on /next"), logs.lines().toString());
  }

  @Test
  void aServerErrorOnResponseEndsTheRuntimeWithoutAnError() throws Exception {
    InProcessRuntime runtime = serve("fail");
    lambda.inject(Endpoint.RESPONSE, Fault.status(500));
    lambda.invokeAsync(command("fine").getBytes(StandardCharsets.UTF_8), InvokeOptions.none());
    assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
    assertTrue(lambda.requests().stream().noneMatch(r -> r.endpoint() == Endpoint.ERROR));
  }

  @Test
  void aDroppedConnectionEndsTheRuntime() throws Exception {
    InProcessRuntime runtime = serve("fail");
    lambda.inject(Endpoint.RESPONSE, Fault.drop());
    lambda.invokeAsync(command("fine").getBytes(StandardCharsets.UTF_8), InvokeOptions.none());
    assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
  }

  @Test
  void aSlowPlatformIsWaitedFor() throws Exception {
    serve("fail");
    lambda.inject(Endpoint.NEXT, Fault.delay(java.time.Duration.ofMillis(300)));
    lambda.inject(Endpoint.RESPONSE, Fault.delay(java.time.Duration.ofMillis(300)));
    assertEquals("\"ok\"", lambda.invoke(command("fine")).bodyAsString());
  }

  @Test
  void anErrorIsReportedThenTheRuntimeExits() throws Exception {
    InProcessRuntime runtime = serve("fail");
    InvokeResult result = lambda.invoke(command("error"));
    assertEquals("Runtime.FatalError", result.errorType());
    assertTrue(result.bodyAsString().contains("java.lang.OutOfMemoryError"));
    assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, runtime.exitCode().get(60, TimeUnit.SECONDS));
    assertEquals(1, answers(result.requestId()));
  }
}
