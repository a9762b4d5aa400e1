package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile events through the real runtime loop: it never dies, answers every invocation exactly once, reports only
 * the errors the rules give, and runs no method outside the rules.
 *
 * <p>One case per seed, its event text made by {@link HostileEvents#eventText} from {@code new
 * SplittableRandom(seed)}; all cases go to one runtime, one after the other. Replay a case with {@code
 * -Dhostile.seeds=<seed>} (see {@link Seeds}). Every error is logged by the runtime, with its line in the case's
 * captured logs.
 */
@LambdaTest(modules = TestServicesModule.class)
class HostileLoopPropertyTest {

  private static final long FIRST_SEED = 100_001;
  private static final int CASES = 200;

  private static final String PACKAGE = "dev.lambdaguice.handlers.servicecall.";
  private static final Set<String> ERROR_TYPES = Set.of(
      PACKAGE + "InvalidServiceCallException", PACKAGE + "UnknownServiceException",
      PACKAGE + "UnknownFunctionException", PACKAGE + "ArgumentCountException", PACKAGE + "ArgumentTypeException",
      PACKAGE + "AmbiguousCallException", PACKAGE + "OrderRejectedException", "java.lang.IllegalStateException");
  private static final String KEY = ServiceCallModule.KEY;
  private static final String LIST_INVOCATIONS =
      "{\"serviceName\": \"" + Invocations.class.getName() + "\", \"function\": \"list\"}";

  private static ClassLoadRecording classLoads;
  private static final OutcomeTally OUTCOMES = new OutcomeTally();

  /** Starts recording before the first case starts the runtime. */
  @BeforeAll
  static void start() throws Exception {
    classLoads = new ClassLoadRecording();
  }

  @AfterAll
  static void stop(LambdaClient lambda) throws Exception {
    try (ClassLoadRecording recording = classLoads) {
      assertFalse(lambda.exitCode(KEY).isDone(), "the runtime died");
      assertEquals("3", lambda.invoke(KEY, "{\"serviceName\": \"calc\", \"function\": \"add\", \"args\": [1, 2]}")
          .body(), "still serving");
      assertFalse(recording.stop().contains(HostileEvents.TRIPWIRE), "Tripwire was loaded");
    }
    assertEquals(List.of(), Tripwires.tripped(), "tripped in this JVM, by these cases or earlier tests");
    if (!Seeds.replaying()) { // the events reach answers, user errors and events that are not JSON
      OUTCOMES.assertCases(CASES);
      OUTCOMES.assertShare("response", 3);
      OUTCOMES.assertShare("Runtime.UserException", 30);
      OUTCOMES.assertSeen("Runtime.InvalidEvent");
    }
  }

  static LongStream seeds() {
    return Seeds.of(FIRST_SEED, CASES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyInvocationGetsExactlyOneAnswerAndTheLoopGoesOn(long seed, LambdaClient lambda) {
    String event = HostileEvents.eventText(new SplittableRandom(seed));
    String at = Seeds.describe(seed, event);
    int trippedBefore = Tripwires.tripped().size();
    Invocation result = lambda.invoke(KEY, event);
    String got = at + " " + result;
    OUTCOMES.count(result.error() ? result.errorType() : "response");
    assertEquals(1, answers(lambda, result.requestId()), got + ": answers");
    if (result.error()) {
      if (result.errorType().equals("Runtime.UserException")) {
        String type = JsonParser.parseString(result.body()).getAsJsonObject().get("errorType").getAsString();
        assertTrue(ERROR_TYPES.contains(type), got + ": error type " + type);
        assertTrue(result.logged("Handler '" + KEY + "' threw") && result.logged(type), got + ": logged "
            + result.logs());
        if (!HostileEvents.namesHoldSecret(parsedOrNull(event))) {
          assertFalse(result.errorMessage().contains(HostileEvents.SECRET), got + ": a value in the message");
        }
      } else {
        assertEquals("Runtime.InvalidEvent", result.errorType(), got + ": " + result.body());
        assertTrue(result.logged("Event does not fit the event type"), got + ": logged " + result.logs());
      }
    } else {
      assertEquals(List.of(), result.logs(), got + ": an answer logs nothing");
    }
    assertFalse(lambda.exitCode(KEY).isDone(), at + " the runtime died");
    List<String> invocations = new ArrayList<>();
    JsonParser.parseString(lambda.invoke(KEY, LIST_INVOCATIONS).body()).getAsJsonArray()
        .forEach(call -> invocations.add(call.getAsString()));
    assertTrue(HostileEvents.ALLOWED_INVOCATIONS.containsAll(invocations), () -> at + " ran methods outside the rules: "
        + invocations.stream().filter(call -> !HostileEvents.ALLOWED_INVOCATIONS.contains(call)).distinct().toList());
    List<String> tripped = Tripwires.tripped();
    assertEquals(List.of(), tripped.subList(trippedBefore, tripped.size()), at + " tripped");
  }

  /** The event as JSON, or null when it is not JSON (then it has no names to hold a secret). */
  private static JsonElement parsedOrNull(String event) {
    try {
      return JsonParser.parseString(event);
    } catch (JsonParseException e) {
      return null;
    }
  }

  private static long answers(LambdaClient lambda, String requestId) {
    return lambda.lambda(KEY).requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }
}
