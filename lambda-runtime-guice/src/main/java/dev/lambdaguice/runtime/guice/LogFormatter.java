package dev.lambdaguice.runtime.guice;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per log record, carrying the current request id. {@code TEXT}: {@code timestamp requestId LEVEL
 * logger message}, with line breaks inside the record written as {@code \r} so CloudWatch keeps it one event.
 * {@code JSON}: {@code {"timestamp","level","message","logger","requestId"}} plus {@code errorType},
 * {@code errorMessage} and {@code stackTrace} when the record carries a throwable.
 */
final class LogFormatter extends Formatter {

  /**
   * The log format: {@code JSON} or {@code TEXT} from {@code AWS_LAMBDA_LOG_FORMAT}; {@code TERMINAL} is text whose
   * record lines are real line breaks (continuations indented), for a person reading a terminal, where CloudWatch's
   * {@code \r} would make a stack trace's frames overwrite each other.
   */
  enum Format { TEXT, TERMINAL, JSON }

  private final Format format;
  private final InvocationScope context;

  LogFormatter(Format format, InvocationScope context) {
    this.format = format;
    this.context = context;
  }

  @Override
  public String format(LogRecord record) {
    String message = formatMessage(record);
    String requestId = context.requestId();
    return format == Format.JSON ? json(record, message, requestId)
        : text(record, message, requestId, format == Format.TERMINAL);
  }

  private static String text(LogRecord record, String message, String requestId, boolean terminal) {
    StringBuilder line = new StringBuilder(64 + message.length());
    IsoTimestamp.append(line, record.getMillis());
    line.append(' ')
        .append(requestId == null ? "-" : requestId).append(' ')
        .append(levelName(record.getLevel())).append(' ')
        .append(record.getLoggerName()).append(' ')
        .append(message);
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append('\n').append(trace.toString().stripTrailing());
    }
    if (terminal) {
      return line.toString().replace("\r\n", "\n").replace("\n", "\n    ") + "\n";
    }
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\n') {
        line.setCharAt(i, '\r');
      }
    }
    return line.append('\n').toString();
  }

  private static String json(LogRecord record, String message, String requestId) {
    StringWriter out = new StringWriter(128 + message.length());
    try (JsonWriter json = new JsonWriter(out)) {
      json.setHtmlSafe(false);
      json.beginObject()
          .name("timestamp").value(IsoTimestamp.of(record.getMillis()))
          .name("level").value(levelName(record.getLevel()))
          .name("message").value(message)
          .name("logger").value(record.getLoggerName());
      if (requestId != null) {
        json.name("requestId").value(requestId);
      }
      Throwable thrown = record.getThrown();
      if (thrown != null) {
        json.name("errorType").value(thrown.getClass().getName())
            .name("errorMessage").value(String.valueOf(thrown.getMessage()))
            .name("stackTrace").beginArray();
        for (StackTraceElement frame : thrown.getStackTrace()) {
          json.value(frame.toString());
        }
        json.endArray();
      }
      json.endObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.append('\n').toString();
  }

  /** The Lambda name of a JUL level: TRACE, DEBUG, INFO, WARN, ERROR. */
  static String levelName(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (value >= Level.WARNING.intValue()) {
      return "WARN";
    }
    if (value >= Level.INFO.intValue()) {
      return "INFO";
    }
    if (value >= Level.FINE.intValue()) {
      return "DEBUG";
    }
    return "TRACE";
  }

  /** The JUL level of a Lambda level name ({@code AWS_LAMBDA_LOG_LEVEL}); INFO when unset or unknown. */
  static Level level(String name) {
    if (name == null) {
      return Level.INFO;
    }
    return switch (name.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "TRACE" -> Level.FINEST;
      case "DEBUG" -> Level.FINE;
      case "WARN", "WARNING" -> Level.WARNING;
      case "ERROR", "FATAL" -> Level.SEVERE;
      default -> Level.INFO;
    };
  }
}
