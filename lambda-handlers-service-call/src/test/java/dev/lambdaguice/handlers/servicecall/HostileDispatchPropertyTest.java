package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.inject.Injector;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile events dispatched directly: every outcome is the one the rules give, no method outside the rules runs, and
 * no class is loaded for a name that is not exposed.
 *
 * <p>One case per seed, its event made by {@link HostileEvents#event} from {@code new SplittableRandom(seed)}; all
 * cases share one injector, like the calls a function gets in its life. Replay a case with {@code
 * -Dhostile.seeds=<seed>} (see {@link Seeds}).
 */
class HostileDispatchPropertyTest {

  private static final long FIRST_SEED = 1;
  private static final int CASES = 1000;

  private static ClassLoadRecording classLoads;
  private static Injector injector;
  private static ServiceDispatcher dispatcher;
  private static Invocations invocations;
  private static final OutcomeTally OUTCOMES = new OutcomeTally();

  @BeforeAll
  static void recordClassLoadsAndStart() throws Exception {
    classLoads = new ClassLoadRecording();
    Class.forName(HostileEvents.TRIPWIRE + "Control", false, HostileDispatchPropertyTest.class.getClassLoader());
    injector = Fixtures.injector(new TestServicesModule());
    dispatcher = injector.getInstance(ServiceDispatcher.class);
    invocations = injector.getInstance(Invocations.class);
  }

  @AfterAll
  static void noTripwireWasLoadedAndEveryOutcomeWasReached() throws Exception {
    try (ClassLoadRecording recording = classLoads) {
      Set<String> loaded = recording.stop();
      assertTrue(loaded.contains(HostileEvents.TRIPWIRE + "Control"), "the recording sees classes loaded by name");
      assertFalse(loaded.contains(HostileEvents.TRIPWIRE), "Tripwire was loaded");
    }
    assertEquals(List.of(), Tripwires.tripped(), "tripped in this JVM, by these cases or earlier tests");
    if (!Seeds.replaying()) { // the events reach every kind of outcome, not only the first checks
      OUTCOMES.assertCases(CASES);
      OUTCOMES.assertShare("returned", 3);
      OUTCOMES.assertShare("InvalidServiceCallException", 3);
      OUTCOMES.assertShare("UnknownServiceException", 3);
      OUTCOMES.assertShare("UnknownFunctionException", 3);
      OUTCOMES.assertShare("ArgumentCountException", 2);
      OUTCOMES.assertShare("ArgumentTypeException", 2);
      OUTCOMES.assertSeen("OrderRejectedException");
    }
  }

  static LongStream seeds() {
    return Seeds.of(FIRST_SEED, CASES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyOutcomeIsOneTheRulesGive(long seed) {
    JsonElement event = HostileEvents.event(new SplittableRandom(seed));
    String at = Seeds.describe(seed, event.toString());
    int invocationsBefore = invocations.list().size();
    int trippedBefore = Tripwires.tripped().size();
    Outcome outcome = Outcome.of(() -> dispatcher.dispatch(ServiceCall.parse(event)));
    OUTCOMES.count(outcome.thrown() == null ? "returned" : outcome.thrown().getClass().getSimpleName());
    List<String> all = invocations.list();
    Expected.check(at, event, outcome, all.subList(invocationsBefore, all.size()));
    assertTrue(HostileEvents.ALLOWED_INVOCATIONS.containsAll(all), () -> at + " ran methods outside the rules: "
        + all.stream().filter(call -> !HostileEvents.ALLOWED_INVOCATIONS.contains(call)).distinct().toList());
    List<String> tripped = Tripwires.tripped();
    assertEquals(List.of(), tripped.subList(trippedBefore, tripped.size()), at + " tripped");
  }

  /** What a call did: returned, or threw. */
  record Outcome(Object result, Exception thrown) {
    interface Call {
      Object run() throws Exception;
    }

    static Outcome of(Call call) {
      try {
        return new Outcome(call.run(), null);
      } catch (Exception e) {
        return new Outcome(null, e);
      }
    }

    @Override
    public String toString() {
      String text = thrown == null ? "returned " + result : "threw " + thrown;
      return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
  }

  /** The rules, applied to an event independently of the code under test. */
  static final class Expected {

    private Expected() {}

    /**
     * Checks the outcome of {@code event} and the invocations it recorded ({@code ran}) against the rules;
     * {@code at} names the case in every message.
     */
    static void check(String at, JsonElement event, Outcome outcome, List<String> ran) {
      Exception thrown = outcome.thrown();
      String got = at + " " + outcome;
      if (thrown instanceof ServiceCallException) {
        assertEquals(List.of(), ran, got + ": a call refused ran methods");
        if (!HostileEvents.namesHoldSecret(event)) {
          assertFalse(thrown.getMessage().contains(HostileEvents.SECRET), got + ": a value in the message");
        }
      }
      if (!isWellFormed(event)) {
        assertInstanceOf(InvalidServiceCallException.class, thrown, got);
        return;
      }
      String name = event.getAsJsonObject().get("serviceName").getAsString();
      String function = event.getAsJsonObject().get("function").getAsString();
      String service = HostileEvents.SERVICES.get(name);
      if (service == null) {
        assertInstanceOf(UnknownServiceException.class, thrown, got);
      } else if (!HostileEvents.FUNCTIONS.get(service).contains(function)) {
        assertInstanceOf(UnknownFunctionException.class, thrown, got);
      } else if (thrown != null && !(thrown instanceof ArgumentCountException)
          && !(thrown instanceof ArgumentTypeException) && !(thrown instanceof AmbiguousCallException)) {
        boolean ownException = function.equals("reject") && thrown instanceof OrderRejectedException
            || function.equals("fail") && thrown instanceof IllegalStateException
            && thrown.getMessage().equals("the order store is down");
        if (!ownException) {
          fail(got + ": unexpected exception from " + name + "." + function, thrown);
        }
      }
      if (service != null && !(thrown instanceof ServiceCallException)) { // the method ran, once
        String simpleName = service.substring(service.lastIndexOf('.') + 1);
        List<String> expected = HostileEvents.RECORDING_SERVICES.contains(service)
            ? List.of(simpleName + "." + function) : List.of();
        assertEquals(expected, ran, got + ": the invocations recorded");
      }
    }

    private static boolean isWellFormed(JsonElement event) {
      if (!event.isJsonObject()) {
        return false;
      }
      JsonElement args = event.getAsJsonObject().get("args");
      return isNonBlankString(event.getAsJsonObject().get("serviceName"))
          && isNonBlankString(event.getAsJsonObject().get("function"))
          && (args == null || args.isJsonNull() || args.isJsonArray());
    }

    private static boolean isNonBlankString(JsonElement value) {
      return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
          && !value.getAsString().isBlank();
    }
  }
}
