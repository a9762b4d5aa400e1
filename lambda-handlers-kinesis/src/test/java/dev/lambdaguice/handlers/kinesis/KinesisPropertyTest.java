package dev.lambdaguice.handlers.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.lambdaguice.handlers.batch.BatchResponse;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties, end to end: random batches over random shards answer as a model of the stream rules says, and
 * random damage to the owned fixture is either still a batch or an {@link InvalidKinesisEventException}, never
 * another failure, never quoting the event, and never stopping the runtime. Every failure message names its seed.
 */
@LambdaTest(modules = KinesisTestModule.class)
class KinesisPropertyTest {

  private static final String SECRET = "secret-value";

  @AfterAll
  static void theRuntimesNeverStopped(LambdaClient lambda) {
    assertFalse(lambda.exitCode("text").isDone(), "the runtime of text stopped");
    assertFalse(lambda.exitCode("clicks").isDone(), "the runtime of clicks stopped");
  }

  static LongStream seeds() {
    return LongStream.range(0, 150);
  }

  /** What a record of a random batch does: succeed, throw, or carry data that is not base64. */
  private enum Kind { OK, FAIL, NOT_BASE64 }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomBatchesAnswerAsTheModelSays(long seed, LambdaClient lambda) {
    SplittableRandom random = new SplittableRandom(seed);
    int size = random.nextInt(0, 40);
    int shards = random.nextInt(1, 4);
    JsonArray records = new JsonArray();
    List<String> expectedHandled = new ArrayList<>();
    List<String> expectedFailures = new ArrayList<>();
    Set<Integer> stopped = new HashSet<>();
    StringBuilder describe = new StringBuilder("seed " + seed + ":");
    for (int i = 0; i < size; i++) {
      int shard = random.nextInt(shards);
      Kind kind = Kind.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(1, 3)];
      String sequenceNumber = KinesisEvents.sequenceNumber(i);
      String data = switch (kind) {
        case OK -> KinesisEvents.base64("ok " + i);
        case FAIL -> KinesisEvents.base64("fail " + i);
        case NOT_BASE64 -> "*" + i;
      };
      records.add(KinesisEvents.record(shard, sequenceNumber, data));
      describe.append(' ').append(shard).append(':').append(kind);
      if (stopped.contains(shard)) {
        continue;
      }
      if (kind != Kind.NOT_BASE64) {
        expectedHandled.add(sequenceNumber);
      }
      if (kind != Kind.OK) {
        stopped.add(shard);
        expectedFailures.add(sequenceNumber);
      }
    }
    JsonObject event = new JsonObject();
    event.add("Records", records);
    Invocation result = lambda.invoke("text", event);
    String where = describe.toString();
    assertFalse(result.error(), where + ": " + result.body());
    assertEquals(expectedFailures, result.bodyAs(BatchResponse.class).itemIdentifiers(), where);
    assertEquals(expectedHandled, Journal.sequenceNumbers(result.requestId()), where);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damagedEventsAreBatchesOrInvalidEventsAndTheRuntimeServesOn(long seed, LambdaClient lambda) {
    SplittableRandom random = new SplittableRandom(seed);
    JsonObject event = JsonParser.parseString(Events.read("kinesis-batch.json")).getAsJsonObject();
    int damage = random.nextInt(1, 4);
    StringBuilder describe = new StringBuilder("seed " + seed + ":");
    for (int i = 0; i < damage; i++) {
      describe.append(' ').append(damage(event, random));
    }
    Invocation result = lambda.invoke("clicks", event);
    String where = describe.toString();
    if (result.error()) {
      assertEquals("Runtime.InvalidEvent", result.errorType(), where + ": " + result.body());
      assertTrue(result.body().contains("\"errorType\":\"Runtime.InvalidEvent\""), where + ": " + result.body());
      assertTrue(result.errorMessage().startsWith("The event is not a Kinesis batch: "), where);
    } else {
      List<String> failures = result.bodyAs(BatchResponse.class).itemIdentifiers();
      assertTrue(failures.size() <= 3, where + ": " + failures);
    }
    assertFalse(result.body().contains(SECRET), where + ": the event is never quoted");
    assertFalse(result.logs().toString().contains(SECRET), where + ": the event is never logged");
  }

  /** Removes, or replaces with another kind of value, one member somewhere in the event; says what it did. */
  private static String damage(JsonElement root, SplittableRandom random) {
    JsonObject parent = root.getAsJsonObject();
    String path = "";
    while (true) {
      List<String> names = new ArrayList<>(parent.keySet());
      if (names.isEmpty()) {
        return path + " (empty)";
      }
      String name = names.get(random.nextInt(names.size()));
      JsonElement child = parent.get(name);
      JsonObject next = child.isJsonObject() ? child.getAsJsonObject()
          : child.isJsonArray() && !child.getAsJsonArray().isEmpty()
              && child.getAsJsonArray().get(0).isJsonObject() ? child.getAsJsonArray().get(
                  random.nextInt(child.getAsJsonArray().size())).getAsJsonObject() : null;
      path += "." + name;
      if (next != null && random.nextInt(3) > 0) {
        parent = next;
        continue;
      }
      JsonElement replacement = switch (random.nextInt(6)) {
        case 0 -> null;
        case 1 -> JsonNull.INSTANCE;
        case 2 -> new JsonPrimitive(SECRET);
        case 3 -> new JsonPrimitive(42.5);
        case 4 -> new JsonPrimitive(true);
        default -> new JsonArray();
      };
      if (replacement == null) {
        parent.remove(name);
        return path + " removed";
      }
      parent.add(name, replacement);
      return path + " = " + replacement;
    }
  }
}
