package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.InProcessRuntime;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
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
 * -Dhostile.seeds=<seed>} (see {@link Seeds}).
 */
class HostileLoopPropertyTest {

  private static final long FIRST_SEED = 100_001;
  private static final int CASES = 200;

  private static final String PACKAGE = "dev.lambdaguice.handlers.servicecall.";
  private static final Set<String> ERROR_TYPES = Set.of(
      PACKAGE + "InvalidServiceCallException", PACKAGE + "UnknownServiceException",
      PACKAGE + "UnknownFunctionException", PACKAGE + "ArgumentCountException", PACKAGE + "ArgumentTypeException",
      PACKAGE + "AmbiguousCallException", PACKAGE + "OrderRejectedException", "java.lang.IllegalStateException");
  private static final String LIST_INVOCATIONS =
      "{\"serviceName\": \"" + Invocations.class.getName() + "\", \"function\": \"list\"}";

  private static ClassLoadRecording classLoads;
  private static LocalLambda lambda;
  private static InProcessRuntime runtime;
  private static final OutcomeTally OUTCOMES = new OutcomeTally();

  @BeforeAll
  static void start() throws Exception {
    classLoads = new ClassLoadRecording();
    lambda = LocalLambda.start();
    runtime = lambda.inProcess().modules(TestServicesModule.class).handler(ServiceCallModule.KEY).start();
  }

  @AfterAll
  static void stop() throws Exception {
    try (ClassLoadRecording recording = classLoads; LocalLambda closing = lambda) {
      assertTrue(runtime.isAlive(), "the runtime died");
      assertEquals("3", closing.invoke("{\"serviceName\": \"calc\", \"function\": \"add\", \"args\": [1, 2]}")
          .bodyAsString(), "still serving");
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
  void everyInvocationGetsExactlyOneAnswerAndTheLoopGoesOn(long seed) throws Exception {
    String event = HostileEvents.eventText(new SplittableRandom(seed));
    String at = Seeds.describe(seed, event);
    int trippedBefore = Tripwires.tripped().size();
    InvokeResult result = lambda.invoke(event);
    String got = at + " " + result;
    OUTCOMES.count(result.error() ? result.errorType() : "response");
    assertEquals(1, answers(result.requestId()), got + ": answers");
    if (result.error()) {
      if (result.errorType().equals("Runtime.UserException")) {
        String type = JsonParser.parseString(result.bodyAsString()).getAsJsonObject().get("errorType").getAsString();
        assertTrue(ERROR_TYPES.contains(type), got + ": error type " + type);
        if (!HostileEvents.namesHoldSecret(parsedOrNull(event))) {
          assertFalse(result.errorMessage().contains(HostileEvents.SECRET), got + ": a value in the message");
        }
      } else {
        assertEquals("Runtime.InvalidEvent", result.errorType(), got + ": " + result.bodyAsString());
      }
    }
    assertTrue(runtime.isAlive(), at + " the runtime died");
    List<String> invocations = new ArrayList<>();
    JsonParser.parseString(lambda.invoke(LIST_INVOCATIONS).bodyAsString()).getAsJsonArray()
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

  private static long answers(String requestId) {
    return lambda.requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }
}
