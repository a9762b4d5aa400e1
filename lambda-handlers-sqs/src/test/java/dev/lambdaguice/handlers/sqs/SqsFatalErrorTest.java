package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@link Error} in a record handler ends the runtime, end to end. Apart from {@link SqsBatchEndToEndTest}: each
 * case ends the runtime of its key, which then serves no other test.
 */
@LambdaTest(modules = SqsTestModule.class)
class SqsFatalErrorTest {

  @ParameterizedTest
  @ValueSource(strings = {"text", "text-parallel"})
  void anErrorFailsTheInvocationAndEndsTheRuntime(String key, LambdaClient lambda) throws Exception {
    Invocation result = lambda.invoke(key, batch(record("a", "ok"), record("b", "error"), record("c", "ok")));
    assertEquals("Runtime.FatalError", result.errorType());
    assertTrue(result.body().contains("\"errorType\":\"java.lang.OutOfMemoryError\""), result.body());
    assertTrue(result.logged("Handler '" + key + "' threw an Error, exiting"), result.logs().toString());
    assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, lambda.exitCode(key).get(60, TimeUnit.SECONDS));
    assertEquals(1, SqsBatchEndToEndTest.answers(lambda, key, result.requestId()));
    if (key.equals("text")) {
      assertEquals(List.of("a", "b"), Journal.messageIds(result.requestId()));
    }
  }
}
