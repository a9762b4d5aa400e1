package dev.lambdaguice.samples.bookshop;

import java.util.Map;

/**
 * The fields {@link StockExport} reads from a function URL request (payload format 2.0); the rest of the event is
 * ignored.
 *
 * @param rawQueryString the query string as sent, for messages
 * @param queryStringParameters the query parameters; null when there are none
 */
public record ExportRequest(String rawQueryString, Map<String, String> queryStringParameters) {

  /** The longest pause between two lines a caller may ask for. */
  static final int MAX_PAUSE_MILLIS = 2_000;

  /**
   * The {@code pause} parameter: milliseconds to wait after each line, so a demo can watch the lines arrive; 0
   * when absent.
   *
   * @throws IllegalArgumentException it is not a whole number from 0 to {@value #MAX_PAUSE_MILLIS}
   */
  int pauseMillis() {
    String pause = queryStringParameters == null ? null : queryStringParameters.get("pause");
    if (pause == null || pause.isEmpty()) {
      return 0;
    }
    try {
      int millis = Integer.parseInt(pause);
      if (millis >= 0 && millis <= MAX_PAUSE_MILLIS) {
        return millis;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new IllegalArgumentException(
        "pause must be a whole number of milliseconds from 0 to " + MAX_PAUSE_MILLIS + ", not " + pause);
  }
}
