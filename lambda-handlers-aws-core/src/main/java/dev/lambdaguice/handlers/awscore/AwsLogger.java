package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * AWS's {@code LambdaLogger}, writing through {@code java.util.logging}: each call is one record of the handler
 * class's logger, so it becomes one line in the runtime's format (text or JSON) with the request id of the
 * invocation the calling thread serves, filtered by {@code AWS_LAMBDA_LOG_LEVEL}.
 *
 * <p>Levels: {@code TRACE} is {@code FINEST}, {@code DEBUG} {@code FINE}, {@code INFO} and no level
 * ({@code log(message)}, {@code UNDEFINED}) {@code INFO}, {@code WARN} {@code WARNING}, {@code ERROR} and
 * {@code FATAL} {@code SEVERE}. Unlike AWS's runtime, which writes messages without a level whatever
 * {@code AWS_LAMBDA_LOG_LEVEL} says, they are INFO lines here and a level above INFO drops them. Byte messages are
 * decoded as UTF-8. One line break at the end of a message is dropped (AWS examples often end messages with
 * {@code \n}); others are kept, as the runtime keeps a record's lines in one event.
 */
final class AwsLogger implements LambdaLogger {

  private final Logger logger;

  AwsLogger(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void log(String message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(byte[] message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(String message, LogLevel level) {
    Level jul = level(level);
    if (logger.isLoggable(jul)) {
      logger.log(jul, withoutFinalLineBreak(String.valueOf(message)));
    }
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    Level jul = level(level);
    if (logger.isLoggable(jul)) {
      logger.log(jul, withoutFinalLineBreak(
          message == null ? "null" : new String(message, StandardCharsets.UTF_8)));
    }
  }

  /** The {@code java.util.logging} level of an AWS level. */
  static Level level(LogLevel level) {
    if (level == null) {
      return Level.INFO;
    }
    return switch (level) {
      case TRACE -> Level.FINEST;
      case DEBUG -> Level.FINE;
      case WARN -> Level.WARNING;
      case ERROR, FATAL -> Level.SEVERE;
      default -> Level.INFO; // INFO, UNDEFINED
    };
  }

  private static String withoutFinalLineBreak(String message) {
    if (message.endsWith("\r\n")) {
      return message.substring(0, message.length() - 2);
    }
    return message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
  }
}
