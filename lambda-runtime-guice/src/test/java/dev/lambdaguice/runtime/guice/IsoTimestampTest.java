package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IsoTimestamp} against java.time, the independent implementation. */
class IsoTimestampTest {

  private static final DateTimeFormatter EXPECTED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void matchesJavaTimeOnEdgesAndRandomInstants() {
    long[] edges = {0, 1, 999, 1_000, 86_399_999, 86_400_000, -1, -86_400_000, 951_782_400_000L /* 2000-02-29 */,
        4_107_542_400_000L /* 2100-03-01 */, 1_709_164_800_000L /* 2024-02-29 */, 253_402_300_799_999L /* 9999 */};
    for (long millis : edges) {
      assertEquals(EXPECTED.format(Instant.ofEpochMilli(millis)), IsoTimestamp.of(millis), "at " + millis);
    }
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 100_000; i++) {
      long millis = (long) (random.nextDouble() * 253_402_300_799_999L);
      assertEquals(EXPECTED.format(Instant.ofEpochMilli(millis)), IsoTimestamp.of(millis),
          "at " + millis + " (seed " + seed + ")");
    }
  }

  @Test
  void yearsBeyondFourDigitsFallBackToJavaTime() {
    long millis = 253_402_300_800_000L; // 10000-01-01
    assertEquals(Instant.ofEpochMilli(millis).toString(), IsoTimestamp.of(millis));
  }
}
