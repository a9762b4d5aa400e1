package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the outcomes of randomized cases, so a test can check that its generators reach every kind. */
final class OutcomeTally {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void count(String outcome) {
    counts.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
  }

  /** Fails unless at least {@code cases} cases were counted. */
  void assertCases(int cases) {
    assertTrue(total() >= cases, "cases run: " + snapshot());
  }

  /** Fails unless {@code outcome} was more than {@code morePercentThan} percent of the cases. */
  void assertShare(String outcome, int morePercentThan) {
    Map<String, Integer> outcomes = snapshot();
    double percent = 100.0 * outcomes.getOrDefault(outcome, 0) / total();
    assertTrue(percent > morePercentThan, outcome + " in " + percent + "% of the cases, expected more than "
        + morePercentThan + "%: " + outcomes);
  }

  /** Fails unless {@code outcome} was counted at least once. */
  void assertSeen(String outcome) {
    assertTrue(snapshot().getOrDefault(outcome, 0) > 0, "no " + outcome + ": " + snapshot());
  }

  private int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private Map<String, Integer> snapshot() {
    Map<String, Integer> outcomes = new TreeMap<>();
    counts.forEach((outcome, count) -> outcomes.put(outcome, count.get()));
    return outcomes;
  }
}
