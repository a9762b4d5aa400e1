package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.e2e.fixtures.E2eModule;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.ChildProcessRuntime;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.Fault;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RuntimeError;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime as Lambda runs it: its own JVM started by {@code main}, with the Lambda environment. */
class ChildProcessTest {

  private LocalLambda lambda;

  @BeforeEach
  void start() throws Exception {
    lambda = LocalLambda.start();
  }

  @AfterEach
  void stop() {
    lambda.close();
  }

  private ChildProcessRuntime.Builder runtime() {
    return lambda.childProcess().modules(E2eModule.class);
  }

  @Test
  void unknownHandlerKeyIsAnInitErrorListingTheBoundKeys() throws Exception {
    ChildProcessRuntime runtime = runtime().handler("nope").start();
    assertEquals(LambdaRuntime.EXIT_INIT_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
    RuntimeError error = lambda.initError().orElseThrow(() -> new AssertionError("no init error was posted"));
    assertEquals("Runtime.NoSuchHandler", error.errorType());
    assertTrue(error.errorMessage().contains("[big, context, fail, reverse, route, shout]"), error.errorMessage());
    InvokeResult result = lambda.invoke("{}");
    assertTrue(result.error(), "an invoke after a failed init gets the init error");
    assertEquals("Runtime.NoSuchHandler", result.errorType());
  }

  @Test
  void missingModulesVariableIsAnInitError() throws Exception {
    ChildProcessRuntime runtime = lambda.childProcess().handler("route").start();
    assertEquals(LambdaRuntime.EXIT_INIT_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
    assertEquals("Runtime.MissingConfiguration", lambda.initError().orElseThrow().errorType());
  }

  @Test
  void moduleThatIsNotOnTheClassPathIsAnInitError() throws Exception {
    ChildProcessRuntime runtime = lambda.childProcess().modules("com.example.Gone").handler("route").start();
    assertEquals(LambdaRuntime.EXIT_INIT_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
    RuntimeError error = lambda.initError().orElseThrow();
    assertEquals("Runtime.ModuleNotFound", error.errorType());
    assertTrue(error.errorMessage().contains("com.example.Gone"), error.errorMessage());
  }

  @Test
  void handlerKeyFromHandlerVariableWhenNoArgument() throws Exception {
    runtime().env("_HANDLER", "shout").start();
    assertEquals("HI", lambda.invoke("hi").bodyAsString());
  }

  @Test
  void jsonLogsCarryTheRequestIdAndNeverThePayload() throws Exception {
    ChildProcessRuntime runtime = runtime().handler("fail").env("AWS_LAMBDA_LOG_FORMAT", "JSON").start();
    InvokeResult ok = lambda.invoke("{\"mode\":\"fine\",\"secret\":\"hunter2\"}");
    InvokeResult failed = lambda.invoke("{\"mode\":\"exception\",\"secret\":\"hunter2\"}");
    assertTrue(runtime.stdout().await(line -> line.contains("Handler 'fail' threw"), java.time.Duration.ofSeconds(30)));
    List<String> lines = runtime.stdout().lines();
    JsonObject handling = null;
    JsonObject threw = null;
    for (String line : lines) {
      JsonObject json = JsonParser.parseString(line).getAsJsonObject(); // every line is one JSON object
      assertTrue(json.has("timestamp") && json.has("level") && json.has("message"), line);
      assertFalse(line.contains("hunter2"), "the payload is never logged: " + line);
      String message = json.get("message").getAsString();
      if (message.equals("handling mode fine")) {
        handling = json;
      } else if (message.startsWith("Handler 'fail' threw")) {
        threw = json;
      }
    }
    assertTrue(handling != null && threw != null, String.join("\n", lines));
    assertEquals(ok.requestId(), handling.get("requestId").getAsString());
    assertEquals("INFO", handling.get("level").getAsString());
    assertEquals(failed.requestId(), threw.get("requestId").getAsString());
    assertEquals("ERROR", threw.get("level").getAsString());
    assertEquals("java.lang.IllegalStateException", threw.get("errorType").getAsString());
    assertEquals(List.of(), runtime.stderr().lines(), "nothing on stderr, not even a JVM warning");
  }

  @Test
  void logLevelFilters() throws Exception {
    ChildProcessRuntime runtime = runtime().handler("fail").env("AWS_LAMBDA_LOG_LEVEL", "WARN").start();
    InvokeResult result = lambda.invoke("{\"mode\":\"fine\"}");
    assertTrue(runtime.stdout().await(line -> line.contains("about to run mode fine"), java.time.Duration.ofSeconds(30)));
    List<String> lines = runtime.stdout().lines();
    assertTrue(lines.stream().anyMatch(l -> l.contains(" " + result.requestId() + " WARN ")), String.join("\n", lines));
    assertTrue(lines.stream().noneMatch(l -> l.contains("handling mode fine")), "INFO is filtered out");
  }

  @Test
  void anErrorEndsTheProcessAfterItIsReported() throws Exception {
    ChildProcessRuntime runtime = runtime().handler("fail").start();
    InvokeResult result = lambda.invoke("{\"mode\":\"error\"}");
    assertEquals("Runtime.FatalError", result.errorType());
    assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, runtime.exitCode().get(60, TimeUnit.SECONDS));
  }

  @Test
  void theProcessExitsWhenThePlatformDropsTheConnection() throws Exception {
    lambda.inject(Endpoint.NEXT, Fault.drop());
    ChildProcessRuntime runtime = runtime().handler("shout").start();
    assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
  }
}
