package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import dev.lambdaguice.test.RuntimeMode;
import org.junit.jupiter.api.Test;

/**
 * The function as Lambda runs it: {@code LambdaRuntime.main} in its own JVM, which makes Guice use child class
 * loaders (and reflection where they cannot reach) instead of its default class definer.
 */
@LambdaTest(modules = TestServicesModule.class, mode = RuntimeMode.CHILD_PROCESS)
class ServiceCallChildProcessTest {

  private static final String KEY = ServiceCallModule.KEY;

  @Test
  void servesCallsWithTheRuntimesOwnClassLoading(LambdaClient lambda) {
    Invocation placed = lambda.invoke(KEY, ServiceCallEndToEndTest.event("orders", "place",
        "[{\"id\": \"o-1\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}]"));
    assertFalse(placed.error(), placed.body());
    assertEquals("{\"orderId\":\"o-1\",\"items\":2}", placed.body());
    assertEquals("3", lambda.invoke(KEY, ServiceCallEndToEndTest.event("calc", "add", "[1, 2]")).body());
    Invocation unknown = lambda.invoke(KEY, ServiceCallEndToEndTest.event("java.lang.Runtime", "exit", "[0]"));
    assertTrue(unknown.body().contains("UnknownServiceException"), unknown.body());
    assertFalse(lambda.exitCode(KEY).isDone(), "the child still serves");
  }
}
