package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A parallel SQS handler under {@code AWS_LAMBDA_MAX_CONCURRENCY}: concurrent batches share its pool, each gets its
 * own failures, and a record's failure is logged with its own invocation's request id, on whichever thread ran it.
 */
@CaptureLogs
class SqsConcurrentInvocationsTest {

  @Test
  void concurrentBatchesShareThePoolAndLogWithTheirOwnRequestIds(CapturedLogs logs) throws Exception {
    try (LocalLambda lambda = LocalLambda.builder().maxConcurrency(3).functionTimeout(Duration.ofSeconds(60))
        .start()) {
      lambda.inProcess().modules(SqsTestModule.class).handler("text-parallel")
          .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
      List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        List<JsonObject> records = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
          records.add(record("m-" + i + "-" + r, r == 2 || r == 4 ? "fail" : "ok"));
        }
        calls.add(lambda.invokeAsync(batch(records.toArray(JsonObject[]::new)).getBytes(StandardCharsets.UTF_8),
            InvokeOptions.none()));
      }
      for (int i = 0; i < calls.size(); i++) {
        InvokeResult result = calls.get(i).get(120, TimeUnit.SECONDS);
        assertFalse(result.error(), result.toString());
        assertEquals(List.of("m-" + i + "-2", "m-" + i + "-4"),
            new Gson().fromJson(result.bodyAsString(), SqsBatchResponse.class).failedMessageIds());
        for (String failed : List.of("m-" + i + "-2", "m-" + i + "-4")) {
          List<String> lines = logs.containing("SQS record " + failed + " failed in handler 'text-parallel'");
          assertEquals(1, lines.size(), logs.lines().toString());
          assertTrue(lines.get(0).contains(" " + result.requestId() + " "), "its invocation's id: " + lines.get(0));
        }
      }
    }
  }
}
