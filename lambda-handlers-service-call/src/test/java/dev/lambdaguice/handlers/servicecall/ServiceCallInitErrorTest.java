package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.RuntimeError;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service-call function whose exposed services conflict: init fails, and every invocation gets the error. */
@LambdaTest(modules = ConflictingModule.class)
class ServiceCallInitErrorTest {

  @Test
  void conflictingNamesFailInit(LambdaClient lambda) throws Exception {
    Invocation result = lambda.invoke(ServiceCallModule.KEY, ServiceCallEndToEndTest.event("svc", "get", "[]"));
    assertEquals(LambdaRuntime.EXIT_INIT_FAILED, lambda.exitCode(ServiceCallModule.KEY).get(60, TimeUnit.SECONDS));
    RuntimeError error = lambda.lambda(ServiceCallModule.KEY).initError().orElseThrow();
    assertEquals("Runtime.InjectorCreationFailed", error.errorType());
    assertTrue(error.errorMessage().contains("The service name 'svc' is claimed by two exposed services"),
        error.errorMessage());
    assertTrue(lambda.lambda(ServiceCallModule.KEY)
        .awaitRequest(r -> r.endpoint() == Endpoint.INIT_ERROR, Duration.ofSeconds(1)).isPresent());
    result.assertError("Runtime.InjectorCreationFailed");
    assertTrue(result.logged("Init failed: Runtime.InjectorCreationFailed"), result.logs().toString());
  }
}
