package dev.lambdaguice.handlers.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.lambdaguice.handlers.batch.ParallelRunner;
import dev.lambdaguice.handlers.sqs.BatchSpec.Expected;
import dev.lambdaguice.handlers.sqs.BatchSpec.RecordSpec;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RecordedRequest;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input: random and malformed SQS events, through batch handlers called directly and, a bounded number,
 * through the real runtime loop. The expected answers come from {@link BatchSpec#expected()}. Each case is generated
 * by {@link RandomBatches} from its seed; every failure message starts with the seed and the case. The loop cases
 * send their events as bytes (some are not UTF-8) straight to the keys' {@link LocalLambda}s.
 */
@LambdaTest(modules = SqsTestModule.class)
class SqsHostileInputPropertyTest {

  private static final Gson GSON = new Gson();
  private static final SqsBatchHandler SEQUENTIAL =
      new SqsBatchHandler("text", new ScriptedHandler(), BodyReader.forType(String.class, GSON), null);
  private static final SqsBatchHandler PARALLEL = new SqsBatchHandler("text-parallel", new ScriptedHandler(),
      BodyReader.forType(String.class, GSON), new ParallelRunner("sqs-property", 3));

  /** The keys the loop cases go to, one runtime each. */
  private static final List<String> LOOP_KEYS = List.of("text", "text-parallel");

  @AfterAll
  static void theRuntimesNeverStopped(LambdaClient lambda) {
    for (String key : LOOP_KEYS) {
      assertFalse(lambda.exitCode(key).isDone(), "the runtime of " + key + " stopped");
    }
  }

  static LongStream batchSeeds() {
    return RandomBatches.seeds(1_000_000, 400);
  }

  static LongStream typedSeeds() {
    return RandomBatches.seeds(2_000_000, 300);
  }

  static LongStream loopSeeds() {
    return RandomBatches.seeds(3_000_000, 60);
  }

  static LongStream garbageSeeds() {
    return RandomBatches.seeds(4_000_000, 100);
  }

  /** Batches of up to 14 records, some with bodies that throw an Error. */
  private static BatchSpec batchWithErrors(long seed) {
    return RandomBatches.batch(new SplittableRandom(seed), 14, true);
  }

  /** Batches of up to 10 records, none with a body that throws an Error. */
  private static BatchSpec batchWithoutErrors(long seed) {
    return RandomBatches.batch(new SplittableRandom(seed), 10, false);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("batchSeeds")
  void batchHandlersAnswerAsTheSpecSays(long seed) {
    BatchSpec spec = batchWithErrors(seed);
    for (SqsBatchHandler handler : List.of(SEQUENTIAL, PARALLEL)) {
      String where = "seed " + seed + " (" + (handler == SEQUENTIAL ? "sequential" : "parallel") + "): "
          + spec.describe();
      RandomBatches.replayable(where, () -> answersAsTheSpecSays(spec, handler, where));
    }
  }

  private static void answersAsTheSpecSays(BatchSpec spec, SqsBatchHandler handler, String where) throws Exception {
    Expected expected = spec.expected();
    JsonElement event = spec.json();
    LambdaContext context = Contexts.next();
    if (expected.invalid()) {
      InvalidSqsEventException e =
          assertThrows(InvalidSqsEventException.class, () -> handler.handle(event, context), where);
      assertTrue(e.getMessage().startsWith("The event is not an SQS batch: "), where + ": " + e.getMessage());
      assertEquals(List.of(), Journal.calls(context.requestId()), where + ": no record ran");
    } else if (expected.error()) {
      OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> handler.handle(event, context), where);
      assertEquals("scripted error", e.getMessage(), where);
    } else {
      SqsBatchResponse response = handler.handle(event, context);
      assertEquals(expected.failedIds(), response.failedMessageIds(), where + ": failed ids");
      assertTrue(spec.messageIds().containsAll(response.failedMessageIds()),
          where + ": failures " + response.failedMessageIds() + " not all message ids of the batch");
      List<Integer> ran = ran(context.requestId());
      if (handler == SEQUENTIAL) {
        assertEquals(expected.ran(), ran, where + ": records that ran, in order");
      } else {
        assertEquals(expected.ran(), ran.stream().sorted().toList(), where + ": records that ran " + ran);
      }
      assertGroupsKeptTheirOrder(spec, ran, where);
      assertEquals(response, GSON.fromJson(GSON.toJson(response), SqsBatchResponse.class),
          where + ": the response survives JSON");
    }
  }

  /** The records that ran, by index, in the order they ran. */
  private static List<Integer> ran(String requestId) {
    return Journal.calls(requestId).stream().map(c -> Integer.parseInt(c.receiptHandle().substring(1))).toList();
  }

  /**
   * In a FIFO batch, no record ran after a record of its group that did not succeed, and each group's records ran
   * in batch order.
   */
  private static void assertGroupsKeptTheirOrder(BatchSpec spec, List<Integer> ran, String where) {
    if (!spec.fifo()) {
      return;
    }
    Map<String, List<Integer>> ranByGroup = new HashMap<>();
    for (int i : ran) {
      ranByGroup.computeIfAbsent(String.valueOf(spec.records().get(i).group()), g -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<String, List<Integer>> group : ranByGroup.entrySet()) {
      assertEquals(group.getValue().stream().sorted().toList(), group.getValue(),
          where + ": group " + group.getKey() + " ran in batch order (ran: " + ran + ")");
    }
    Map<String, Boolean> groupFailed = new HashMap<>();
    for (int i = 0; i < spec.records().size(); i++) {
      RecordSpec record = spec.records().get(i);
      String group = String.valueOf(record.group());
      boolean didRun = ran.contains(i);
      if (groupFailed.getOrDefault(group, false)) {
        assertFalse(didRun, where + ": record " + i + " ran after a failure in its group " + group
            + " (ran: " + ran + ")");
      }
      boolean succeeded = didRun && !record.body().startsWith("fail") && !record.body().startsWith("hostile");
      if (!succeeded) {
        groupFailed.put(group, true);
      }
    }
  }

  /** A typed record handler that notes, per receipt handle, whether it succeeded. */
  static final class NotingOrderHandler implements SqsRecordHandler<Order> {
    final Map<String, Boolean> succeeded = new ConcurrentHashMap<>();

    @Override
    public void handle(Order order, SqsMessage message, LambdaContext context) {
      boolean ok = order != null && order.price() >= 0;
      succeeded.put(message.receiptHandle(), ok);
      if (!ok) {
        throw new IllegalArgumentException("bad order");
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("typedSeeds")
  void typedBodiesThatDoNotFitFailOnlyTheirRecord(long seed) {
    BatchSpec spec = batchWithoutErrors(seed);
    String where = "seed " + seed + ": " + spec.describe();
    RandomBatches.replayable(where, () -> typedBodiesFailOnlyTheirRecord(spec, where));
  }

  private static void typedBodiesFailOnlyTheirRecord(BatchSpec spec, String where) throws Exception {
    NotingOrderHandler orders = new NotingOrderHandler();
    SqsBatchHandler handler = new SqsBatchHandler("orders", orders, BodyReader.forType(Order.class, GSON), null);
    LambdaContext context = Contexts.next();
    if (spec.invalid()) {
      assertThrows(InvalidSqsEventException.class, () -> handler.handle(spec.json(), context), where);
      assertTrue(orders.succeeded.isEmpty(), where + ": records ran " + orders.succeeded);
      return;
    }
    List<String> failed = handler.handle(spec.json(), context).failedMessageIds();
    List<String> expected = new ArrayList<>();
    Map<String, Boolean> groupFailed = new HashMap<>();
    for (int i = 0; i < spec.records().size(); i++) {
      RecordSpec record = spec.records().get(i);
      String group = String.valueOf(record.group());
      Boolean outcome = orders.succeeded.get("r" + i);
      if (spec.fifo() && groupFailed.getOrDefault(group, false)) {
        assertEquals(null, outcome, where + ": record " + i + " ran after a failure in its group " + group);
      }
      if (!Objects.equals(outcome, true)) {
        groupFailed.put(group, true);
        if (!expected.contains(record.messageId())) {
          expected.add(record.messageId());
        }
      }
    }
    assertEquals(expected, failed, where + ": failed ids (outcomes by receipt handle: " + orders.succeeded + ")");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("loopSeeds")
  void theRealLoopAnswersEveryEventOnce(long seed, LambdaClient lambda) {
    BatchSpec spec = batchWithoutErrors(seed);
    for (String key : LOOP_KEYS) {
      String where = "seed " + seed + " (" + key + "): " + spec.describe();
      RandomBatches.replayable(where, () -> answersOnce(spec, lambda.lambda(key), where));
    }
  }

  private static void answersOnce(BatchSpec spec, LocalLambda lambda, String where) throws Exception {
    Expected expected = spec.expected();
    InvokeResult result = lambda.invoke(GSON.toJson(spec.json()));
    assertEquals(1, answers(lambda, result.requestId()), where + ": exactly one answer");
    if (expected.invalid()) {
      assertTrue(result.error(), where + ": an error, not " + result.bodyAsString());
      assertEquals("Runtime.InvalidEvent", result.errorType(), where + ": " + result.bodyAsString());
      assertTrue(result.bodyAsString().contains("\"errorType\":\"Runtime.InvalidEvent\""),
          where + ": " + result.bodyAsString());
    } else {
      List<String> failed = failures(result, where);
      assertEquals(expected.failedIds(), failed, where + ": failed ids");
      assertTrue(spec.messageIds().containsAll(failed),
          where + ": failures " + failed + " not all message ids of the batch");
      List<Integer> ran = ran(result.requestId());
      assertEquals(expected.ran(), ran.stream().sorted().toList(), where + ": records that ran " + ran);
      assertGroupsKeptTheirOrder(spec, ran, where);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("garbageSeeds")
  void theRealLoopSurvivesGarbage(long seed, LambdaClient lambda) {
    RandomBatches.GarbageEvent event = RandomBatches.garbageEvent(new SplittableRandom(seed));
    for (String key : LOOP_KEYS) {
      String where = "seed " + seed + " (" + key + "): " + event.describe();
      RandomBatches.replayable(where, () -> survives(event, lambda.lambda(key), where));
    }
  }

  private static void survives(RandomBatches.GarbageEvent event, LocalLambda lambda, String where)
      throws Exception {
    InvokeResult result = lambda.invoke(event.bytes().clone());
    assertEquals(1, answers(lambda, result.requestId()), where + ": exactly one answer");
    if (result.error()) {
      assertTrue(result.errorType().equals("Runtime.InvalidEvent")
              || result.bodyAsString().contains("\"errorType\":\"Runtime.InvalidEvent\""),
          where + ": " + result.errorType() + ": " + result.bodyAsString());
    } else {
      List<String> failed = failures(result, where);
      assertEquals(failed.stream().distinct().toList(), failed, where + ": each failure once");
    }
  }

  /** The failed message ids of a batch response, checking it is one. */
  private static List<String> failures(InvokeResult result, String where) {
    assertFalse(result.error(), () -> where + ": " + result.errorType() + ": " + result.bodyAsString());
    assertEquals("application/json", result.contentType(), where + ": content type");
    return GSON.fromJson(result.bodyAsString(), SqsBatchResponse.class).failedMessageIds();
  }

  private static long answers(LocalLambda lambda, String requestId) {
    List<RecordedRequest> requests = lambda.requests();
    return requests.stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }
}
