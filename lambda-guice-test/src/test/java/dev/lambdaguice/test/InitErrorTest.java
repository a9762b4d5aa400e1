package dev.lambdaguice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A function whose init fails answers every invocation with the init error, as Lambda does. */
@LambdaTest(modules = BrokenModule.class)
class InitErrorTest {

  @Test
  void theInitErrorIsTheInvocationsError(LambdaClient lambda) throws Exception {
    Invocation result = lambda.invoke("greet", "{\"name\":\"Ada\"}");
    assertTrue(result.error());
    assertTrue(result.errorType().startsWith("Runtime."), result.errorType());
    assertTrue(result.errorMessage().contains("the settings table is missing"), result.errorMessage());
    assertTrue(lambda.lambda("greet").initError().isPresent());
    assertEquals(LambdaRuntime.EXIT_INIT_FAILED, lambda.exitCode("greet").get(60, TimeUnit.SECONDS));
  }
}
