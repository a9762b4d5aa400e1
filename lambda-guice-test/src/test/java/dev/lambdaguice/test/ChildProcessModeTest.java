package dev.lambdaguice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder-registered extension with runtimes in child JVMs: the real main, a real environment. */
class ChildProcessModeTest {

  @RegisterExtension
  static final LambdaExtension LAMBDA = LambdaExtension.builder()
      .modules(GreetingModule.class)
      .mode(RuntimeMode.CHILD_PROCESS)
      .env("GREETING", "hi")
      .jvmArgs("-Xshare:auto", "-XX:TieredStopAtLevel=1")
      .build();

  @Test
  void theChildSeesTheEnvironment() {
    assertEquals("whoami hi", LAMBDA.client().invoke("whoami", "{}").assertSuccess().bodyAs(String.class));
  }

  @Test
  void theChildsOutputLinesAreTheTestsLogs(LambdaClient lambda, CapturedLogs logs) throws Exception {
    lambda.invoke("greet", "{\"name\":\"Child\"}").assertSuccess();
    assertTrue(logs.await(line -> line.contains("greeting Child"), Duration.ofSeconds(10)), logs.lines().toString());
  }

  @Test
  void linesTheChildWritesAfterItsAnswerAreAwaited(LambdaClient lambda, CapturedLogs logs) throws Exception {
    assertEquals("answered", lambda.invoke("later", "{}").assertSuccess().bodyAs(String.class));
    assertTrue(logs.await(line -> line.contains("logged after the answer"), Duration.ofSeconds(10)),
        logs.lines().toString());
  }
}
