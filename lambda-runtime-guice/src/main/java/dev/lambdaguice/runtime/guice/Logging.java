package dev.lambdaguice.runtime.guice;

import java.io.PrintStream;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Routes {@code java.util.logging} to stdout, one line per record, as {@code AWS_LAMBDA_LOG_FORMAT} (Text or JSON)
 * and {@code AWS_LAMBDA_LOG_LEVEL} say. Application code that logs through JUL gets the same format.
 */
final class Logging {

  private Logging() {}

  /** Replaces the root logger's handlers with one writing to {@code out}; returns the runtime's own logger. */
  static Logger install(Map<String, String> env, InvocationScope context, PrintStream out) {
    LogFormatter.Format format = format(env);
    Level level = LogFormatter.level(env.get("AWS_LAMBDA_LOG_LEVEL"));
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    Handler handler = new StdoutLogHandler(out, new LogFormatter(format, context));
    handler.setLevel(level);
    root.addHandler(handler);
    root.setLevel(level);
    return Logger.getLogger("dev.lambdaguice.runtime");
  }

  /**
   * JSON when {@code AWS_LAMBDA_LOG_FORMAT} says so; else text, with real line breaks when
   * {@value LambdaRuntime#LOG_TERMINAL_VARIABLE} is {@code true} (the runtime never guesses: on Lambda stdout is a pipe to
   * CloudWatch, which needs a record on one line).
   */
  static LogFormatter.Format format(Map<String, String> env) {
    if ("JSON".equalsIgnoreCase(env.getOrDefault("AWS_LAMBDA_LOG_FORMAT", "").trim())) {
      return LogFormatter.Format.JSON;
    }
    return "true".equalsIgnoreCase(env.getOrDefault(LambdaRuntime.LOG_TERMINAL_VARIABLE, "").trim())
        ? LogFormatter.Format.TERMINAL : LogFormatter.Format.TEXT;
  }
}
