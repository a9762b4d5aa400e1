package com.example.greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.local.InProcessRuntime;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code greet} handler, served by the real runtime from {@link GreetingModule} over a local Runtime API. */
class GreetingHandlerTest {

  private LocalLambda lambda;
  private InProcessRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    lambda = LocalLambda.start();
    runtime = lambda.inProcess().modules(GreetingModule.class).handler("greet").start();
  }

  @AfterEach
  void stop() {
    runtime.close();
    lambda.close();
  }

  @Test
  void greetsByName() throws Exception {
    InvokeResult result = lambda.invoke("{\"name\":\"Ada\"}");
    assertFalse(result.error(), result::toString);
    assertEquals("\"Hello, Ada!\"", result.bodyAsString());
  }

  @Test
  void anEventWithoutANameFailsTheInvocation() throws Exception {
    InvokeResult result = lambda.invoke("{}");
    assertTrue(result.error(), result::toString);
    assertEquals("Runtime.UserException", result.errorType());
    assertEquals("the event has no name", result.errorMessage());
  }
}
