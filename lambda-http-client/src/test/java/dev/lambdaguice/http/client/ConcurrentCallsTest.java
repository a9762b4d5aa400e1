package dev.lambdaguice.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Under AWS_LAMBDA_MAX_CONCURRENCY, each call carries the invocation that made it, whatever runs beside it. */
@LambdaTest(modules = ConcurrentFetchModule.class, maxConcurrency = ConcurrentFetchModule.PARTIES)
class ConcurrentCallsTest {

  @Test
  void concurrentInvocationsEachCallWithTheirOwnContext(LambdaClient lambda) throws Exception {
    int calls = 4 * ConcurrentFetchModule.PARTIES;
    ExecutorService callers = Executors.newFixedThreadPool(ConcurrentFetchModule.PARTIES);
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      for (int i = 0; i < calls; i++) {
        server.enqueue(new MockResponse.Builder().body("ok").build());
      }
      String url = "\"" + server.url("/price") + "\"";
      List<Future<Invocation>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(callers.submit(() -> lambda.invoke("gather-fetch", url)));
      }
      Set<String> requestIds = new HashSet<>();
      for (Future<Invocation> result : results) {
        Invocation invocation = result.get(60, TimeUnit.SECONDS);
        assertEquals("ok", invocation.assertSuccess().bodyAs(String.class));
        requestIds.add(invocation.requestId());
      }
      Set<String> sent = new HashSet<>();
      for (int i = 0; i < calls; i++) {
        sent.add(server.takeRequest(10, TimeUnit.SECONDS).getHeaders().get("X-Request-Id"));
      }
      assertEquals(requestIds, sent, "each call tagged with the invocation that made it");
      assertEquals(ConcurrentFetchModule.PARTIES, lambda.lambda("gather-fetch").peakConcurrency());
    } finally {
      callers.shutdownNow();
    }
  }
}
