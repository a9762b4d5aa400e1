package dev.lambdaguice.handlers.dynamodb;

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
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property, end to end: random damage to the owned fixtures (records, stream records, images and attribute
 * values at any depth) is either still a batch or an {@link InvalidDynamoDbEventException}, never another failure,
 * never quoting the event, and never stopping the runtime. Every failure message names its seed.
 */
@LambdaTest(modules = DynamoDbTestModule.class)
class DynamoDbPropertyTest {

  private static final String SECRET = "secret-value";
  private static final List<String> FIXTURES = List.of("dynamodb-new-and-old-images.json",
      "dynamodb-keys-only.json", "dynamodb-ttl-removal.json");

  @AfterAll
  static void theRuntimesNeverStopped(LambdaClient lambda) {
    assertFalse(lambda.exitCode("books").isDone(), "the runtime of books stopped");
    assertFalse(lambda.exitCode("typed").isDone(), "the runtime of typed stopped");
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damagedEventsAreBatchesOrInvalidEventsAndTheRuntimeServesOn(long seed, LambdaClient lambda) {
    SplittableRandom random = new SplittableRandom(seed);
    String fixture = FIXTURES.get(random.nextInt(FIXTURES.size()));
    JsonObject event = JsonParser.parseString(Events.read(fixture)).getAsJsonObject();
    int damage = random.nextInt(1, 4);
    StringBuilder describe = new StringBuilder("seed " + seed + " " + fixture + ":");
    for (int i = 0; i < damage; i++) {
      describe.append(' ').append(damage(event, random));
    }
    String where = describe.toString();
    for (String key : List.of("books", "typed")) {
      Invocation result = lambda.invoke(key, event);
      if (result.error()) {
        assertEquals("Runtime.InvalidEvent", result.errorType(), where + ": " + result.body());
        assertTrue(result.body().contains("\"errorType\":\"Runtime.InvalidEvent\""),
            where + ": " + result.body());
        assertTrue(result.errorMessage().startsWith("The event is not a DynamoDB Streams batch: "), where);
      } else {
        List<String> failures = result.bodyAs(BatchResponse.class).itemIdentifiers();
        assertTrue(failures.size() <= 1, where + ": one shard, at most one failure: " + failures);
        if (key.equals("typed")) {
          assertEquals(List.of(), failures, where + ": typed maps always fit");
        }
      }
      assertFalse(result.body().contains(SECRET), where + ": the event is never quoted");
      assertFalse(result.logs().toString().contains(SECRET), where + ": the event is never logged");
    }
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
