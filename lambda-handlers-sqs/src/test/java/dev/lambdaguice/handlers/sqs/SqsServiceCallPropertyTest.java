package dev.lambdaguice.handlers.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random service-call bodies through the {@code sqs-service-call} batch handler: exactly the right records fail.
 * The bodies come from {@link RandomBatches#serviceCallKinds}, one list per seed; failure messages start with the
 * seed and the list. One instance (one injector) serves every case. Each failed record is logged once, as a
 * warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CaptureLogs
class SqsServiceCallPropertyTest {

  private final SqsBatchHandler handler = (SqsBatchHandler) Guice.createInjector(Stage.PRODUCTION,
          new ServiceCallTestModule())
      .getInstance(Key.get(new TypeLiteral<Map<String, LambdaHandler<?, ?>>>() {}))
      .get(SqsServiceCallModule.KEY);

  static LongStream seeds() {
    return RandomBatches.seeds(5_000_000, 150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exactlyTheCallsThatCannotBeMadeOrThrowFail(long seed, CapturedLogs logs) {
    List<String> kinds = RandomBatches.serviceCallKinds(new SplittableRandom(seed), 12);
    String where = "seed " + seed + ": " + kinds.stream().map(k -> RandomBatches.quote(k, 40)).toList();
    RandomBatches.replayable(where, () -> exactlyTheRightRecordsFail(kinds, where, logs));
  }

  private void exactlyTheRightRecordsFail(List<String> kinds, String where, CapturedLogs logs) throws Exception {
    // The sku prefix only keeps this case's reservations apart from the others'; it does not change the case.
    String run = UUID.randomUUID().toString();
    List<JsonObject> records = new ArrayList<>();
    List<String> expectedFailures = new ArrayList<>();
    List<String> expectedReserved = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      String kind = kinds.get(i);
      String sku = run + "-" + i;
      String body;
      boolean succeeds = false;
      switch (kind) {
        case "unknown-service": body = call("java.lang.System", "reserve", "\"" + sku + "\", 1"); break;
        case "unknown-function": body = call("inventory", "release", "\"" + sku + "\", 1"); break;
        case "too-few": body = call("inventory", "reserve", "\"" + sku + "\""); break;
        case "too-many": body = call("inventory", "reserve", "\"" + sku + "\", 1, 1"); break;
        case "no-args": body = "{\"serviceName\": \"inventory\", \"function\": \"reserve\"}"; break;
        case "not-an-object": body = "[\"inventory\", \"reserve\"]"; break;
        case "no-args-array": body = "{\"serviceName\": \"inventory\", \"function\": \"reserve\", \"args\": 1}";
          break;
        case "blank-service": body = call(" ", "reserve", "\"" + sku + "\", 1"); break;
        case "no-function": body = "{\"serviceName\": \"inventory\", \"args\": [\"" + sku + "\", 1]}"; break;
        case "count-not-a-number": body = call("inventory", "reserve", "\"" + sku + "\", \"x\""); break;
        default:
          if (kind.startsWith("garbage:")) {
            body = kind.substring("garbage:".length());
          } else if (kind.startsWith("json:")) {
            body = kind.substring("json:".length());
          } else {
            int count = Integer.parseInt(kind);
            body = call("inventory", "reserve", "\"" + sku + "\", " + count);
            succeeds = count >= 1;
            if (succeeds) {
              expectedReserved.add(sku + "x" + count);
            }
          }
      }
      String id = "m" + i;
      records.add(EventFixtures.record(id, body));
      if (!succeeds) {
        expectedFailures.add(id);
      }
    }
    String event = EventFixtures.batch(records.toArray(JsonObject[]::new));
    SqsBatchResponse response = handler.handle(JsonParser.parseString(event), Contexts.next());
    assertEquals(expectedFailures, response.failedMessageIds(), where + ": failed ids");
    assertEquals(expectedReserved, Inventory.reserved(run), where + ": reservations made");
    for (int i = 0; i < kinds.size(); i++) {
      String id = "m" + i;
      assertEquals(expectedFailures.contains(id) ? 1 : 0,
          logs.containing("SQS record " + id + " failed in handler 'sqs-service-call'").size(),
          where + ": warnings for record " + id + ": " + logs.lines());
    }
    assertEquals(expectedFailures.size(), logs.lines().size(), where + ": one line per failed record: "
        + logs.lines());
    assertTrue(logs.lines().stream().allMatch(line -> line.startsWith("WARNING ")), where + ": " + logs.lines());
    assertTrue(logs.lines().stream().noneMatch(line -> line.contains(run)), where + ": an argument was logged: "
        + logs.lines());
  }

  private static String call(String service, String function, String args) {
    return "{\"serviceName\": \"" + service + "\", \"function\": \"" + function + "\", \"args\": [" + args + "]}";
  }
}
