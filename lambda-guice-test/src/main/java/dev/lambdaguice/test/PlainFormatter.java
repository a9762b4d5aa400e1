package dev.lambdaguice.test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record ({@code LEVEL logger message}, a stack trace joined with {@code \r}) for records logged
 * while no runtime's handler is installed.
 */
final class PlainFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder()
        .append(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(' ')
        .append(formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append('\r').append(trace.toString().strip().replace("\r\n", "\r").replace('\n', '\r'));
    }
    return line.append('\n').toString();
  }
}
