package dev.lambdaguice.runtime.guice;

/**
 * Writes epoch milliseconds as an ISO-8601 UTC timestamp with milliseconds, {@code 2026-11-25T12:00:00.123Z}, for log
 * lines. {@code Instant.toString()} gives the same text (but drops {@code .000}); it goes through
 * {@code DateTimeFormatter}, whose set-up the first log line of every cold start would pay for.
 */
final class IsoTimestamp {

  private IsoTimestamp() {}

  static void append(StringBuilder out, long epochMillis) {
    long days = Math.floorDiv(epochMillis, 86_400_000L);
    long millisOfDay = Math.floorMod(epochMillis, 86_400_000L);
    // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      out.append(java.time.Instant.ofEpochMilli(epochMillis)); // outside four-digit years: let java.time spell it
      return;
    }
    digits(out, year, 4).append('-');
    digits(out, month, 2).append('-');
    digits(out, day, 2).append('T');
    digits(out, millisOfDay / 3_600_000, 2).append(':');
    digits(out, millisOfDay / 60_000 % 60, 2).append(':');
    digits(out, millisOfDay / 1_000 % 60, 2).append('.');
    digits(out, millisOfDay % 1_000, 3).append('Z');
  }

  static String of(long epochMillis) {
    StringBuilder out = new StringBuilder(24);
    append(out, epochMillis);
    return out.toString();
  }

  private static StringBuilder digits(StringBuilder out, long value, int width) {
    String text = Long.toString(value);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text);
  }
}
