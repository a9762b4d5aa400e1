package dev.lambdaguice.handlers.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the SQS handlers log while it is open. */
final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger = Logger.getLogger(SqsHandlers.class.getPackageName());
  private final List<LogRecord> records = new ArrayList<>();

  LogCapture() {
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
  }

  synchronized List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** Each record as one line: level, message, and the thrown exception's class and message. */
  List<String> lines() {
    return records().stream().map(r -> r.getLevel() + " " + r.getMessage()
        + (r.getThrown() == null ? "" : " | " + r.getThrown())).toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
