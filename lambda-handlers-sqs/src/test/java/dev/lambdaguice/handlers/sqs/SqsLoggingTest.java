package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.local.ChildProcessRuntime;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a function using an SQS batch handler writes to its log, as Lambda runs it: in its own JVM. */
class SqsLoggingTest {

  private static final String LOGGER = SqsHandlers.class.getPackageName();
  private static final String SECRET = "hunter2";

  // Not on the test kit: each test needs its own log format, and the child's stdout and stderr apart.
  private LocalLambda lambda;

  @BeforeEach
  void start() throws Exception {
    lambda = LocalLambda.start();
  }

  @AfterEach
  void stop() {
    lambda.close();
  }

  private static String event() {
    return batch(record("ok-1", "{\"id\": 1, \"name\": \"" + SECRET + "\", \"price\": 1}"),
        record("negative-2", "{\"id\": 2, \"name\": \"" + SECRET + "\", \"price\": -1}"),
        record("unreadable-3", "{\"id\": \"" + SECRET + "\", \"price\": 1}"),
        record("ok-4", "{\"id\": 4, \"name\": \"" + SECRET + "\", \"price\": 4}"));
  }

  @Test
  void jsonLogsHaveOneWarningPerFailedRecordWithItsMessageIdAndNeverTheBody() throws Exception {
    ChildProcessRuntime runtime = lambda.childProcess().modules(SqsTestModule.class).handler("orders")
        .env("AWS_LAMBDA_LOG_FORMAT", "JSON").start();
    InvokeResult result = lambda.invoke(event());
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"negative-2\"},{\"itemIdentifier\":\"unreadable-3\"}]}",
        result.bodyAsString());
    assertTrue(runtime.stdout().await(line -> line.contains("unreadable-3"), Duration.ofSeconds(30)));
    List<JsonObject> ours = runtime.stdout().lines().stream()
        .map(line -> JsonParser.parseString(line).getAsJsonObject())
        .filter(json -> json.get("logger").getAsString().equals(LOGGER))
        .toList();
    assertEquals(2, ours.size(), "nothing is logged for records that succeed: " + ours);
    JsonObject negative = ours.get(0);
    assertEquals("WARN", negative.get("level").getAsString());
    assertEquals(result.requestId(), negative.get("requestId").getAsString());
    assertEquals("SQS record negative-2 failed in handler 'orders': java.lang.IllegalArgumentException: an order"
        + " needs a price of 0 or more", negative.get("message").getAsString());
    assertEquals("java.lang.IllegalArgumentException", negative.get("errorType").getAsString());
    JsonObject unreadable = ours.get(1);
    assertEquals("SQS record unreadable-3 failed in handler 'orders': its body does not fit"
        + " dev.lambdaguice.handlers.sqs.Order (com.google.gson.JsonSyntaxException caused by"
        + " java.lang.NumberFormatException)", unreadable.get("message").getAsString());
    for (String line : runtime.stdout().lines()) {
      assertFalse(line.contains(SECRET), "the body is never logged: " + line);
    }
  }

  @Test
  void textLogsHaveTheMessageIdOnTheWarningLine() throws Exception {
    ChildProcessRuntime runtime = lambda.childProcess().modules(SqsTestModule.class).handler("orders").start();
    InvokeResult result = lambda.invoke(event());
    assertFalse(result.error(), result.bodyAsString());
    String prefix = " " + result.requestId() + " WARN " + LOGGER + " SQS record ";
    assertTrue(runtime.stdout().await(line -> line.contains(prefix + "unreadable-3 failed"), Duration.ofSeconds(30)),
        String.join("\n", runtime.stdout().lines()));
    List<String> lines = runtime.stdout().lines();
    assertTrue(lines.stream().anyMatch(line -> line.contains(prefix + "negative-2 failed in handler 'orders'")),
        String.join("\n", lines));
    assertTrue(lines.stream().noneMatch(line -> line.contains("ok-1") || line.contains("ok-4")));
    assertTrue(lines.stream().noneMatch(line -> line.contains(SECRET)), String.join("\n", lines));
    assertEquals(List.of(), runtime.stderr().lines(), "nothing on stderr");
  }
}
