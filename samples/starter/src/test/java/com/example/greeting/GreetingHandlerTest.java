package com.example.greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code greet} handler, served by the real runtime from {@link GreetingModule} over a local Runtime API. */
@LambdaTest(modules = GreetingModule.class)
class GreetingHandlerTest {

  @Test
  void greetsByName(LambdaClient lambda) {
    Invocation result = lambda.invoke("greet", Map.of("name", "Ada"));
    assertEquals("Hello, Ada!", result.assertSuccess().bodyAs(String.class));
  }

  @Test
  void anEventWithoutANameFailsTheInvocation(LambdaClient lambda) {
    Invocation result = lambda.invoke("greet", Map.of());
    assertEquals("the event has no name", result.assertError("Runtime.UserException").errorMessage());
  }
}
