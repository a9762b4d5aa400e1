package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.e2e.fixtures.ConcurrencyModule;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.Fault;
import dev.lambdaguice.runtime.local.InProcessRuntime;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code AWS_LAMBDA_MAX_CONCURRENCY} (Lambda Managed Instances): one init, that many poll loops, each invocation
 * with its own context, scope and log request id, answered exactly once, whatever one loop meets.
 */
@CaptureLogs
class ConcurrencyTest {

  private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

  private LocalLambda lambda;

  @AfterEach
  void stop() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private InProcessRuntime serve(String key, int concurrency, Duration timeout, CapturedLogs logs)
      throws Exception {
    lambda = LocalLambda.builder().maxConcurrency(concurrency).functionTimeout(timeout).start();
    return lambda.inProcess().modules(ConcurrencyModule.class).handler(key)
        .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
  }

  private CompletableFuture<InvokeResult> invoke(String event) {
    return lambda.invokeAsync(event.getBytes(StandardCharsets.UTF_8),
        InvokeOptions.none().withTraceId("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"));
  }

  private long answers(String requestId) {
    return lambda.requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }

  private static List<String> linesEndingWith(CapturedLogs logs, String end) {
    return logs.lines().stream().filter(line -> line.endsWith(end)).toList();
  }

  @Test
  void manyInvocationsRunConcurrentlyEachWithItsOwnContextScopeAndLogId(CapturedLogs logs) throws Exception {
    System.clearProperty(TRACE_PROPERTY);
    int parties = ConcurrencyModule.PARTIES;
    serve("gather", parties, Duration.ofSeconds(60), logs);
    List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
    for (int n = 0; n < 25 * parties; n++) {
      calls.add(invoke("{\"n\":" + n + "}"));
    }
    Set<String> threads = new HashSet<>();
    Set<String> requestIds = new HashSet<>();
    for (int n = 0; n < calls.size(); n++) {
      InvokeResult result = calls.get(n).get(120, TimeUnit.SECONDS);
      assertFalse(result.error(), result.toString());
      JsonObject seen = JsonParser.parseString(result.bodyAsString()).getAsJsonObject();
      String id = result.requestId();
      assertEquals(Integer.toString(n), seen.get("n").getAsString(), "its own event");
      assertEquals(id, seen.get("requestId").getAsString(), "its own context");
      assertEquals(id, seen.get("injected").getAsString(), "the injected LambdaContext is its own");
      assertEquals(id, seen.get("trail").getAsString(), "its own @InvocationScoped object");
      assertTrue(seen.get("sameTrail").getAsBoolean(), "one scoped object per invocation");
      assertEquals(id, seen.get("pool").getAsString(), "a wrapped task on another thread sees its scope");
      assertEquals(1, answers(id), "answered exactly once");
      List<String> handling = linesEndingWith(logs, "handling " + n);
      assertEquals(1, handling.size(), logs.lines().toString());
      assertTrue(handling.get(0).contains(" " + id + " INFO "), "its own log request id: " + handling.get(0));
      List<String> pool = linesEndingWith(logs, "pool task of " + n);
      assertTrue(pool.size() == 1 && pool.get(0).contains(" " + id + " INFO "), pool.toString());
      threads.add(seen.get("thread").getAsString());
      requestIds.add(id);
    }
    assertEquals(calls.size(), requestIds.size());
    assertEquals(parties, lambda.peakConcurrency(), "the local server saw them run at once");
    assertEquals(parties, threads.size(), "one loop thread each: " + threads);
    assertNull(System.getProperty(TRACE_PROPERTY), "no process-wide trace id while several invocations run");
    assertTrue(logs.contains("Polling with " + parties + " concurrent loops"), logs.lines().toString());
  }

  @Test
  void aLoopWhoseConnectionDiesPollsAgainWhileTheOthersServe(CapturedLogs logs) throws Exception {
    InProcessRuntime runtime = serve("behave", 3, Duration.ofSeconds(3), logs);
    assertTrue(lambda.awaitPolling(Duration.ofSeconds(30)));
    lambda.inject(Endpoint.NEXT, Fault.drop());
    lambda.inject(Endpoint.RESPONSE, Fault.drop());
    List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      calls.add(invoke("{\"mode\":\"sleep\",\"ms\":5}"));
    }
    int timedOut = 0;
    for (CompletableFuture<InvokeResult> call : calls) {
      InvokeResult result = call.get(60, TimeUnit.SECONDS);
      if (result.error()) {
        assertEquals("Sandbox.Timedout", result.errorType(), "only the lost answer: " + result);
        timedOut++;
      } else {
        assertEquals("\"slept\"", result.bodyAsString());
      }
    }
    assertEquals(1, timedOut, "the invocation whose /response connection was dropped, at its deadline");
    assertFalse(runtime.exitCode().isDone(), "the runtime goes on serving");
    assertEquals("\"ok\"", invoke("{\"mode\":\"fine\"}").get(60, TimeUnit.SECONDS).bodyAsString());
    assertTrue(logs.contains("failed on /next"), logs.lines().toString());
    assertTrue(logs.contains("polling again on a new connection"), logs.lines().toString());
    assertTrue(logs.contains("the invocation's answer may be lost"), logs.lines().toString());
  }

  @Test
  void anErrorStopsTheRuntimeAfterTheOtherLoopsAnswerWhatTheyServe(CapturedLogs logs) throws Exception {
    InProcessRuntime runtime = serve("behave", 4, Duration.ofSeconds(60), logs);
    List<CompletableFuture<InvokeResult>> sleepers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sleepers.add(invoke("{\"mode\":\"sleep\",\"ms\":300}"));
    }
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (linesEndingWith(logs, "sleeping").size() < 3 && System.nanoTime() < waitUntil) {
      Thread.sleep(5); // the three sleepers are inside the handler before the Error comes
    }
    InvokeResult error = invoke("{\"mode\":\"error\"}").get(60, TimeUnit.SECONDS);
    assertEquals("Runtime.FatalError", error.errorType());
    assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, runtime.exitCode().get(60, TimeUnit.SECONDS));
    for (CompletableFuture<InvokeResult> sleeper : sleepers) {
      InvokeResult result = sleeper.get(60, TimeUnit.SECONDS);
      assertEquals("\"slept\"", result.bodyAsString(), "answered before the runtime stopped: " + result);
      assertEquals(1, answers(result.requestId()));
    }
    assertEquals(1, answers(error.requestId()));
  }

  @Test
  void aServerErrorStopsEveryLoop(CapturedLogs logs) throws Exception {
    InProcessRuntime runtime = serve("behave", 4, Duration.ofSeconds(60), logs);
    assertTrue(lambda.awaitPolling(Duration.ofSeconds(30)));
    lambda.inject(Endpoint.RESPONSE, Fault.status(500));
    invoke("{\"mode\":\"fine\"}");
    assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
    assertTrue(logs.contains("failed on /response"), logs.lines().toString());
  }

  @Test
  void aMaxConcurrencyThatIsNotANumberIsAnInitError(CapturedLogs logs) throws Exception {
    lambda = LocalLambda.start();
    InProcessRuntime runtime = lambda.inProcess().modules(ConcurrencyModule.class).handler("behave")
        .env("AWS_LAMBDA_MAX_CONCURRENCY", "lots")
        .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
    assertEquals(LambdaRuntime.EXIT_INIT_FAILED, runtime.exitCode().get(60, TimeUnit.SECONDS));
    assertEquals("Runtime.InvalidConfiguration", lambda.initError().orElseThrow().errorType());
    assertTrue(lambda.initError().orElseThrow().errorMessage().contains(
        "AWS_LAMBDA_MAX_CONCURRENCY must be a whole number of at least 1, got 'lots'"),
        lambda.initError().toString());
  }
}
