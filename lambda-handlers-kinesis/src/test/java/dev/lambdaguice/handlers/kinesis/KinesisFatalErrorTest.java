package dev.lambdaguice.handlers.kinesis;

import static dev.lambdaguice.handlers.kinesis.KinesisEvents.batch;
import static dev.lambdaguice.handlers.kinesis.KinesisEvents.sequenceNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An {@link Error} in a record handler ends the runtime, end to end; apart, since it ends its key's runtime. */
@LambdaTest(modules = KinesisTestModule.class)
class KinesisFatalErrorTest {

  @Test
  void anErrorFailsTheInvocationAndEndsTheRuntime(LambdaClient lambda) throws Exception {
    Invocation result = lambda.invoke("text", batch("a", "error b", "c"));
    assertEquals("Runtime.FatalError", result.errorType());
    assertTrue(result.body().contains("\"errorType\":\"java.lang.OutOfMemoryError\""), result.body());
    assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, lambda.exitCode("text").get(60, TimeUnit.SECONDS));
    assertEquals(List.of(sequenceNumber(0), sequenceNumber(1)), Journal.sequenceNumbers(result.requestId()));
  }
}
