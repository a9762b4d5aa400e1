package dev.lambdaguice.runtime.local;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChildProcessRuntimeTest {
  private static final Duration SAFETY = Duration.ofSeconds(30);

  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  @Test
  void runsTheMainClassInAChildJvmWithTheLambdaEnvironmentAndCapturesItsOutput() throws Exception {
    lambda = LocalLambda.builder().functionName("orders").memorySizeMb(256).start();
    ChildProcessRuntime runtime = lambda.childProcess()
        .mainClass(FakeRuntime.class)
        .handler("echo")
        .jvmArgs("-Xmx64m", "-XX:TieredStopAtLevel=1")
        .env("EXTRA", "x")
        .start();

    assertEquals("{\"body\":\"hello\"}", lambda.invoke("{\"body\":\"hello\"}").bodyAsString());
    assertEquals("orders", lambda.invoke("env:AWS_LAMBDA_FUNCTION_NAME").bodyAsString());
    assertEquals("256", lambda.invoke("env:AWS_LAMBDA_FUNCTION_MEMORY_SIZE").bodyAsString());
    assertEquals("echo", lambda.invoke("env:_HANDLER").bodyAsString());
    assertEquals("echo", lambda.invoke("args").bodyAsString());
    assertEquals("x", lambda.invoke("env:EXTRA").bodyAsString());
    assertEquals(lambda.runtimeApi(), lambda.invoke("env:AWS_LAMBDA_RUNTIME_API").bodyAsString());

    assertEquals("ok", lambda.invoke("print:a line for stdout").bodyAsString());
    assertEquals("ok", lambda.invoke("err:a line for stderr").bodyAsString());
    assertTrue(runtime.stdout().await(line -> line.equals("a line for stdout"), SAFETY), runtime.stdout().lines()
        .toString());
    assertTrue(runtime.stderr().await(line -> line.equals("a line for stderr"), SAFETY));
    assertTrue(runtime.stderr().lines().contains("fake runtime starting with handler echo"),
        runtime.stderr().lines().toString());
    assertFalse(runtime.stdout().lines().contains("a line for stderr"));
    assertTrue(runtime.isAlive());
  }

  @Test
  void theChildGetsOnlyTheLambdaEnvironmentAndPath() throws Exception {
    String hostOnly = System.getenv().keySet().stream()
        .filter(name -> !name.equals("PATH") && !name.startsWith("AWS_") && !name.startsWith("LAMBDA_")
            && !name.equals("_HANDLER") && !name.equals("TZ") && !name.equals("LANG"))
        .findFirst().orElse(null);
    assumeTrue(hostOnly != null, "the test JVM has no environment variable of its own");
    lambda = LocalLambda.start();
    lambda.childProcess().mainClass(FakeRuntime.class).start();

    assertEquals("null", lambda.invoke("env:" + hostOnly).bodyAsString());
    assertEquals(String.valueOf(System.getenv("PATH")), lambda.invoke("env:PATH").bodyAsString());
  }

  @Test
  void theExitCodeIsKnownOnceTheChildExitsAndItsOutputIsComplete() throws Exception {
    lambda = LocalLambda.start();
    ChildProcessRuntime runtime = lambda.childProcess().mainClass(FakeRuntime.class).start();

    assertEquals("ok", lambda.invoke("print:last words").bodyAsString());
    lambda.invokeAsync("exit:7".getBytes(StandardCharsets.UTF_8), InvokeOptions.none());

    assertEquals(7, runtime.exitCode().get(30, SECONDS));
    assertTrue(runtime.stdout().ended());
    assertTrue(runtime.stdout().lines().contains("last words"), runtime.stdout().lines().toString());
    assertFalse(runtime.isAlive());
  }

  @Test
  void closeDestroysTheChild() throws Exception {
    lambda = LocalLambda.start();
    ChildProcessRuntime runtime = lambda.childProcess().mainClass(FakeRuntime.class).start();
    assertTrue(lambda.awaitPolling(SAFETY));

    runtime.close();

    assertFalse(runtime.isAlive());
    assertNotEquals(0, runtime.exitCode().get(30, SECONDS));
  }

  @Test
  void closingTheLocalLambdaStopsTheChild() throws Exception {
    lambda = LocalLambda.start();
    ChildProcessRuntime runtime = lambda.childProcess().mainClass(FakeRuntime.class).start();
    assertTrue(lambda.awaitPolling(SAFETY));

    lambda.close();

    assertNotEquals(0, runtime.exitCode().get(30, SECONDS));
    assertFalse(runtime.isAlive());
  }

  @Test
  void theCommandUsesThisJvmsJavaAndClassPath() throws Exception {
    lambda = LocalLambda.start();
    ChildProcessRuntime runtime = lambda.childProcess().mainClass(FakeRuntime.class).handler("h").start();

    assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), runtime.command().get(0));
    int cp = runtime.command().indexOf("-cp");
    assertEquals(System.getProperty("java.class.path"), runtime.command().get(cp + 1));
    assertEquals(FakeRuntime.class.getName(), runtime.command().get(cp + 2));
    assertEquals("h", runtime.command().get(cp + 3));
    assertEquals(ChildProcessRuntime.DEFAULT_MAIN_CLASS, "dev.lambdaguice.runtime.guice.LambdaRuntime");
  }
}
