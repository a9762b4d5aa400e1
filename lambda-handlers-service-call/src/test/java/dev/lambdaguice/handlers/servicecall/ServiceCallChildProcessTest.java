package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.local.ChildProcessRuntime;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import org.junit.jupiter.api.Test;

/**
 * The function as Lambda runs it: {@code LambdaRuntime.main} in its own JVM, which makes Guice use child class
 * loaders (and reflection where they cannot reach) instead of its default class definer.
 */
class ServiceCallChildProcessTest {

  @Test
  void servesCallsWithTheRuntimesOwnClassLoading() throws Exception {
    try (LocalLambda lambda = LocalLambda.start()) {
      ChildProcessRuntime runtime = lambda.childProcess().modules(TestServicesModule.class)
          .handler(ServiceCallModule.KEY).start();
      InvokeResult placed = lambda.invoke(ServiceCallEndToEndTest.event("orders", "place",
          "[{\"id\": \"o-1\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}]"));
      assertFalse(placed.error(), placed.bodyAsString());
      assertEquals("{\"orderId\":\"o-1\",\"items\":2}", placed.bodyAsString());
      assertEquals("3", lambda.invoke(ServiceCallEndToEndTest.event("calc", "add", "[1, 2]")).bodyAsString());
      InvokeResult unknown = lambda.invoke(ServiceCallEndToEndTest.event("java.lang.Runtime", "exit", "[0]"));
      assertTrue(unknown.bodyAsString().contains("UnknownServiceException"), unknown.bodyAsString());
      assertTrue(runtime.isAlive());
    }
  }
}
