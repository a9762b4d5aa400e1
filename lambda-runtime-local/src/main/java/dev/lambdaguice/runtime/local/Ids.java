package dev.lambdaguice.runtime.local;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random identifiers in the platform's formats. */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  /** A random version 4 UUID, like {@code Lambda-Runtime-Aws-Request-Id}. */
  static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** A new, unsampled X-Ray trace header: {@code Root=1-<epoch s>-<96 bits>;Parent=<64 bits>;Sampled=0}. */
  static String traceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "Root=1-" + hex(System.currentTimeMillis() / 1000, 8) + "-" + hex(random.nextLong(), 16)
        + hex(random.nextInt(), 8) + ";Parent=" + hex(random.nextLong(), 16) + ";Sampled=0";
  }

  /** A log stream name like Lambda's: {@code 2024/01/31/[$LATEST]<32 hex digits>}. */
  static String logStreamName(LocalDate date) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return DateTimeFormatter.ofPattern("yyyy/MM/dd").format(date) + "/[$LATEST]"
        + hex(random.nextLong(), 16) + hex(random.nextLong(), 16);
  }

  private static String hex(long value, int digits) {
    char[] out = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      out[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    return new String(out);
  }
}
