package dev.lambdaguice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.InvokeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The kit as a user meets it: {@code @LambdaTest}, an injected client, real runtimes in process. */
@LambdaTest(modules = GreetingModule.class)
class LambdaTestTest {

  @Test
  void invokesWithAnObjectSentAsJson(LambdaClient lambda) {
    Invocation result = lambda.invoke("greet", Map.of("name", "Ada"));
    assertEquals("Hello, Ada!", result.assertSuccess().bodyAs(String.class));
    assertEquals("\"Hello, Ada!\"", result.body());
    assertEquals("application/json", result.contentType());
    assertFalse(result.requestId().isBlank());
  }

  @Test
  void aStringIsJsonAsWrittenAndAJsonPrimitiveIsAValue(LambdaClient lambda) {
    assertEquals("Hello, Bo!", lambda.invoke("greet", "{\"name\":\"Bo\"}").bodyAs(String.class));
    lambda.invoke("greet", (Object) new JsonPrimitive("Bo")).assertError("Runtime.InvalidEvent");
  }

  @Test
  void invokesEventFixturesAndFiles(LambdaClient lambda, @TempDir Path dir) throws Exception {
    assertEquals("Hello, Fixture!", lambda.invokeEvent("greet", "greeting.json").bodyAs(String.class));
    Path file = Files.writeString(dir.resolve("event.json"), "{\"name\":\"File\"}");
    assertEquals("Hello, File!", lambda.invokeFile("greet", file).bodyAs(String.class));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> lambda.invokeEvent("greet", "nope.json"));
    assertTrue(missing.getMessage().contains("src/test/resources/events/nope.json"), missing.getMessage());
  }

  @Test
  void aFunctionErrorIsAResultAndTheRuntimeServesOn(LambdaClient lambda) {
    Invocation failed = lambda.invoke("greet", "{}").assertError("Runtime.UserException");
    assertTrue(failed.errorMessage().contains("name is missing"), failed.errorMessage());
    AssertionFailedError error = assertThrows(AssertionFailedError.class, failed::assertSuccess);
    assertTrue(error.getMessage().contains("Runtime.UserException: ") && error.getMessage().contains("name is missing"),
        error.getMessage());
    assertTrue(error.getMessage().contains("a greeting without a name"), "names the invocation's log lines");
    assertThrows(AssertionFailedError.class, () -> failed.assertError("Runtime.InvalidEvent"));
    assertThrows(AssertionFailedError.class, () -> failed.bodyAs(String.class));
    assertEquals("Hello, again!", lambda.invoke("greet", Map.of("name", "again")).bodyAs(String.class));
    assertFalse(lambda.exitCode("greet").isDone(), "the runtime still serves");
  }

  @Test
  void logLinesArePerInvocationAndPerTest(LambdaClient lambda, CapturedLogs logs) {
    Invocation ada = lambda.invoke("greet", Map.of("name", "Ada"));
    Invocation bo = lambda.invoke("greet", Map.of("name", "Bo"));
    assertTrue(ada.logged("greeting Ada"), ada.logs().toString());
    assertFalse(ada.logged("greeting Bo"), ada.logs().toString());
    assertTrue(bo.logged(bo.requestId()), "lines carry the request id: " + bo.logs());
    assertEquals(1, logs.containing("greeting Ada").size(), logs.lines().toString());
    assertTrue(logs.contains("greeting Bo"));
  }

  @Test
  void aNewTestStartsWithNoLines(CapturedLogs logs) {
    assertFalse(logs.contains("greeting Ada"), logs.lines().toString());
  }

  @Test
  void eachKeyIsItsOwnFunction(LambdaClient lambda) {
    assertEquals("whoami null", lambda.invoke("whoami", "{}").bodyAs(String.class));
    assertNotEquals(lambda.lambda("whoami").port(), lambda.lambda("greet").port());
  }

  @Test
  void theLocalLambdaShowsWhatTheRuntimeSent(LambdaClient lambda) {
    lambda.lambda("greet").clearRequests();
    Invocation result = lambda.invoke("greet", "{\"name\":\"Cy\"}", InvokeOptions.none().withTraceId("Root=1-2-3"));
    assertTrue(lambda.lambda("greet").requests().stream()
        .anyMatch(r -> r.endpoint() == Endpoint.RESPONSE && result.requestId().equals(r.requestId())));
  }

  @Test
  void restartStartsFreshFunctions(LambdaClient lambda) {
    int before = lambda.lambda("greet").port();
    lambda.invoke("greet", Map.of("name", "Before")).assertSuccess();
    lambda.restart();
    assertNotEquals(before, lambda.lambda("greet").port(), "a new local Lambda");
    Invocation after = lambda.invoke("greet", Map.of("name", "After")).assertSuccess();
    assertTrue(lambda.logs().contains("Serving handler 'greet'"), "init ran again: " + lambda.logs().lines());
    assertTrue(after.logged("greeting After"));
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterClassFunctions(LambdaClient lambda) {
      assertEquals("Hello, Nested!", lambda.invoke("greet", Map.of("name", "Nested")).bodyAs(String.class));
    }
  }
}
