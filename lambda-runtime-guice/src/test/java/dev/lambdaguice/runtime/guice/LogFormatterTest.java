package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogFormatterTest {

  private static LogRecord record(Level level, String message, Throwable thrown) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName("app.Orders");
    record.setThrown(thrown);
    return record;
  }

  @Test
  void textIsOneLineWithRequestIdAndLambdaLevel() {
    InvocationScope context = new InvocationScope(false);
    context.enter("req-1");
    String line = new LogFormatter(LogFormatter.Format.TEXT, context)
        .format(record(Level.WARNING, "first\nsecond", new IllegalStateException("bad")));
    assertTrue(line.endsWith("\n"));
    assertEquals(1, line.split("\n", -1).length - 1, "exactly one line: " + line);
    assertTrue(line.contains(" req-1 WARN app.Orders first\rsecond\rjava.lang.IllegalStateException: bad"), line);
  }

  @Test
  void terminalTextBreaksLinesAndIndentsTheRestOfTheRecord() {
    InvocationScope context = new InvocationScope(false);
    context.enter("req-1");
    String line = new LogFormatter(LogFormatter.Format.TERMINAL, context)
        .format(record(Level.WARNING, "first\nsecond", new IllegalStateException("bad")));
    assertFalse(line.contains("\r"), line);
    assertTrue(line.contains(" req-1 WARN app.Orders first\n    second\n    java.lang.IllegalStateException: bad\n"
        + "    \tat "), line);
    assertTrue(line.endsWith("\n") && !line.endsWith("    \n"), line);
  }

  @Test
  void theFormatComesFromTheEnvironmentOnly() {
    assertEquals(LogFormatter.Format.TEXT, Logging.format(Map.of()));
    assertEquals(LogFormatter.Format.TEXT, Logging.format(Map.of("LAMBDA_GUICE_LOG_TERMINAL", "false")));
    assertEquals(LogFormatter.Format.TERMINAL, Logging.format(Map.of("LAMBDA_GUICE_LOG_TERMINAL", "true")));
    assertEquals(LogFormatter.Format.JSON,
        Logging.format(Map.of("AWS_LAMBDA_LOG_FORMAT", "json", "LAMBDA_GUICE_LOG_TERMINAL", "true")));
  }

  @Test
  void textWithoutInvocationShowsADash() {
    String line = new LogFormatter(LogFormatter.Format.TEXT, new InvocationScope(false)).format(record(Level.INFO, "up", null));
    assertTrue(line.contains(" - INFO app.Orders up"), line);
  }

  @Test
  void jsonCarriesTimestampLevelMessageRequestIdAndError() {
    InvocationScope context = new InvocationScope(false);
    context.enter("req-2");
    String line = new LogFormatter(LogFormatter.Format.JSON, context)
        .format(record(Level.SEVERE, "failed <x> \"quoted\"\nnext", new IllegalArgumentException("nope")));
    assertEquals(1, line.split("\n", -1).length - 1, line);
    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
    assertEquals("ERROR", json.get("level").getAsString());
    assertEquals("failed <x> \"quoted\"\nnext", json.get("message").getAsString());
    assertEquals("req-2", json.get("requestId").getAsString());
    assertEquals("app.Orders", json.get("logger").getAsString());
    assertTrue(json.get("timestamp").getAsString().endsWith("Z"));
    assertEquals("java.lang.IllegalArgumentException", json.get("errorType").getAsString());
    assertTrue(json.get("stackTrace").getAsJsonArray().size() > 0);
  }

  @Test
  void jsonOmitsRequestIdOutsideAnInvocation() {
    String line = new LogFormatter(LogFormatter.Format.JSON, new InvocationScope(false)).format(record(Level.FINE, "m", null));
    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
    assertFalse(json.has("requestId"));
    assertEquals("DEBUG", json.get("level").getAsString());
  }

  @Test
  void lambdaLevelNamesMapBothWays() {
    assertEquals(Level.FINEST, LogFormatter.level("trace"));
    assertEquals(Level.FINE, LogFormatter.level("DEBUG"));
    assertEquals(Level.INFO, LogFormatter.level(null));
    assertEquals(Level.INFO, LogFormatter.level("verbose"));
    assertEquals(Level.WARNING, LogFormatter.level("WARN"));
    assertEquals(Level.SEVERE, LogFormatter.level("FATAL"));
    assertEquals("TRACE", LogFormatter.levelName(Level.FINEST));
    assertEquals("DEBUG", LogFormatter.levelName(Level.CONFIG));
    assertEquals("WARN", LogFormatter.levelName(Level.WARNING));
  }
}
