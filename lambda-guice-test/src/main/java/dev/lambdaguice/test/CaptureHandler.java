package dev.lambdaguice.test;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Stands in for the root logger's handler during a test: formats each record as that handler would have (the
 * runtime's format, when a runtime installed it) and keeps it in {@link CapturedLogs} instead of printing it.
 */
final class CaptureHandler extends Handler {

  private final CapturedLogs logs;
  private final boolean print;

  CaptureHandler(CapturedLogs logs, Formatter formatter, boolean print) {
    this.logs = logs;
    this.print = print;
    setFormatter(formatter);
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String line;
    try {
      line = getFormatter().format(record);
    } catch (RuntimeException e) {
      line = record.getLevel() + " " + record.getMessage() + " (could not be formatted: " + e + ")";
    }
    line = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    logs.add(line);
    if (print) {
      System.out.println(line);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
