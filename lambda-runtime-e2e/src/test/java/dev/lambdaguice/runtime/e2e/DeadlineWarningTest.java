package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.e2e.fixtures.ConcurrencyModule;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadline watchdog: a handler that sleeps past its deadline is reported, with its stack, before it. */
@CaptureLogs
class DeadlineWarningTest {

  @Test
  void aHandlerStillRunningNearItsDeadlineIsLoggedWithWhereItIs(CapturedLogs logs) throws Exception {
    try (LocalLambda lambda = LocalLambda.builder().functionTimeout(Duration.ofSeconds(2)).start()) {
      lambda.inProcess().modules(ConcurrencyModule.class).handler("behave")
          .env("LAMBDA_GUICE_DEADLINE_WARNING_MS", "1000")
          .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
      InvokeResult result = lambda.invoke("{\"mode\":\"sleep\",\"ms\":30000}");
      assertEquals("Sandbox.Timedout", result.errorType());
      List<String> warnings = logs.containing("of handler 'behave' is still running after");
      assertEquals(1, warnings.size(), logs.lines().toString());
      String warning = warnings.get(0);
      assertTrue(warning.contains(" " + result.requestId() + " WARN dev.lambdaguice.runtime Invocation "
          + result.requestId()), "with the invocation's request id: " + warning);
      assertTrue(warning.contains(" ms, 1000 ms before its deadline; thread lambda-runtime-"), warning);
      assertTrue(warning.contains("java.lang.Thread.sleep(") && warning.contains("ConcurrencyModule$Behave.handle("),
          "where the handler is: " + warning);
    }
  }

  @Test
  void quickInvocationsAreNotReported(CapturedLogs logs) throws Exception {
    try (LocalLambda lambda = LocalLambda.builder().functionTimeout(Duration.ofSeconds(5)).start()) {
      lambda.inProcess().modules(ConcurrencyModule.class).handler("behave")
          .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
      for (int i = 0; i < 20; i++) {
        assertEquals("\"ok\"", lambda.invoke("{\"mode\":\"fine\"}").bodyAsString());
      }
      assertEquals(List.of(), logs.containing("is still running"));
    }
  }
}
