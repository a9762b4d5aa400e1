package dev.lambdaguice.test.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code @LambdaTest(maxConcurrency = n)}: invocations from several test threads run at once. */
@LambdaTest(modules = GatherModule.class, maxConcurrency = GatherModule.PARTIES)
class ConcurrentInvocationsTest {

  @Test
  void invocationsFromSeveralThreadsRunAtOnceEachWithItsOwnLogLines(LambdaClient lambda) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(GatherModule.PARTIES);
    try {
      List<Future<Invocation>> calls = new ArrayList<>();
      for (int i = 0; i < 2 * GatherModule.PARTIES; i++) {
        String event = "\"e" + i + "\"";
        calls.add(callers.submit(() -> lambda.invoke("gather", event)));
      }
      for (int i = 0; i < calls.size(); i++) {
        Invocation result = calls.get(i).get(60, TimeUnit.SECONDS);
        assertEquals("\"e" + i + "\"", result.assertSuccess().bodyAs(String.class));
        assertEquals(1, result.logs().size(), "only its own lines: " + result.logs());
        assertTrue(result.logged("gathering \"e" + i + "\""), result.logs().toString());
      }
      assertEquals(GatherModule.PARTIES, lambda.lambda("gather").peakConcurrency());
    } finally {
      callers.shutdownNow();
    }
  }
}
