package dev.lambdaguice.runtime.guice;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** Writes each formatted record to stdout in one write, which Lambda sends to CloudWatch Logs. */
final class StdoutLogHandler extends Handler {

  private final PrintStream out;

  StdoutLogHandler(PrintStream out, LogFormatter formatter) {
    this.out = out;
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
      line = "log record could not be formatted: " + e + "\n";
    }
    synchronized (out) {
      out.print(line);
      out.flush();
    }
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
