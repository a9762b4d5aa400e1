package dev.lambdaguice.handlers.servicecall;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * The seeds of randomized test cases: fixed, so that every run tries the same cases, and each case is made from its
 * seed alone (a {@link java.util.SplittableRandom} of it), so a failure names the seed that replays it.
 *
 * <p>Replay cases: {@code mvn verify -pl lambda-handlers-service-call -Dtest=HostileDispatchPropertyTest
 * -Dhostile.seeds=17,42} runs only those seeds (and skips the checks over all cases, such as coverage). Try more
 * cases: {@code -Dhostile.cases=100000}.
 */
final class Seeds {

  /** System property: a comma-separated list of seeds to run instead of the fixed ones. */
  static final String REPLAY = "hostile.seeds";

  /** System property: how many cases to run instead of a test's own number. */
  static final String CASES = "hostile.cases";

  private static final int MAX_DESCRIPTION = 240;

  private Seeds() {}

  /** The seeds {@code first}, {@code first + 1}, ... of {@code count} cases, or those {@link #REPLAY} names. */
  static LongStream of(long first, int count) {
    if (replaying()) {
      return Arrays.stream(System.getProperty(REPLAY).split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .mapToLong(Long::parseLong);
    }
    return LongStream.range(first, first + Integer.getInteger(CASES, count));
  }

  /** Whether only the seeds named by {@link #REPLAY} run. */
  static boolean replaying() {
    String seeds = System.getProperty(REPLAY);
    return seeds != null && !seeds.isBlank();
  }

  /**
   * The prefix of every assertion message of a case: {@code [seed 17: <what>]}, with control and invisible chars
   * escaped and long texts cut short.
   */
  static String describe(long seed, String what) {
    StringBuilder text = new StringBuilder("[seed ").append(seed).append(": ");
    what.codePoints().limit(MAX_DESCRIPTION).forEach(c -> {
      if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
          || Character.getType(c) == Character.CONTROL) {
        text.append(String.format("\\u%04x", c));
      } else {
        text.appendCodePoint(c);
      }
    });
    if (what.codePointCount(0, what.length()) > MAX_DESCRIPTION) {
      text.append("... (").append(what.length()).append(" chars)");
    }
    return text.append(']').toString();
  }
}
