package com.example.greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
  void theExampleEventGreetsAda(LambdaClient lambda) throws IOException {
    // src/main/resources/META-INF/lambda-guice/examples/greet.json: the event in the curl line that
    // `mvn test-compile exec:java@serve` prints for greet.
    String resource = "META-INF/lambda-guice/examples/greet.json";
    try (InputStream example = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(example, "no " + resource + " on the class path");
      Invocation result = lambda.invoke("greet", new String(example.readAllBytes(), StandardCharsets.UTF_8));
      assertEquals("Hello, Ada!", result.assertSuccess().bodyAs(String.class));
    }
  }

  @Test
  void anEventWithoutANameFailsTheInvocation(LambdaClient lambda) {
    Invocation result = lambda.invoke("greet", Map.of());
    assertEquals("the event has no name", result.assertError("Runtime.UserException").errorMessage());
  }
}
