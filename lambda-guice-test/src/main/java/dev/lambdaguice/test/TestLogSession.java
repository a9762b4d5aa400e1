package dev.lambdaguice.test;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The log capture of one test class: each test's {@code java.util.logging} records go to {@link CapturedLogs}
 * instead of the console, and are printed if the test fails. When the class ends, the root logger gets back the
 * handlers it had before (a runtime started by a test replaces them).
 */
final class TestLogSession {

  private final CapturedLogs logs = new CapturedLogs();
  private final boolean print;
  private final RootHandlers beforeClass = RootHandlers.snapshot();
  private RootHandlers beforeTest;
  private CaptureHandler capture;

  TestLogSession(boolean print) {
    this.print = print;
  }

  CapturedLogs logs() {
    return logs;
  }

  boolean print() {
    return print;
  }

  /**
   * Swaps the root logger's handlers for one that keeps lines in the format of the handler it replaces (one line a
   * record when that is the JDK's console handler).
   */
  synchronized void beginTest() {
    logs.startTest();
    beforeTest = RootHandlers.snapshot();
    Handler[] handlers = beforeTest.handlers();
    Formatter formatter = handlers.length > 0 ? handlers[0].getFormatter() : null;
    if (formatter == null || formatter instanceof SimpleFormatter) {
      formatter = new PlainFormatter(); // the JDK's default format takes two lines a record
    }
    Level level = handlers.length > 0 ? handlers[0].getLevel() : Level.ALL;
    Logger root = RootHandlers.root();
    for (Handler handler : handlers) {
      root.removeHandler(handler);
    }
    capture = new CaptureHandler(logs, formatter, print);
    capture.setLevel(level);
    root.addHandler(capture);
  }

  /**
   * Puts back the root logger's handlers, unless a runtime the test started installed its own (which then stays,
   * writing to the session); prints the test's lines if it failed.
   */
  synchronized void endTest(ExtensionContext context) {
    Logger root = RootHandlers.root();
    Handler[] now = root.getHandlers();
    if (now.length == 1 && now[0] == capture) {
      beforeTest.restore();
    } else {
      root.removeHandler(capture);
    }
    capture = null;
    if (context.getExecutionException().isPresent() && !print) {
      printLines(context.getDisplayName(), logs.lines());
    }
  }

  /** Gives the root logger back the handlers and level it had when the class began. */
  synchronized void close() {
    beforeClass.restore();
  }

  private static void printLines(String test, List<String> lines) {
    PrintStream out = System.out;
    out.println("---- " + lines.size() + " log line(s) of the failed test " + test + " ----");
    for (String line : lines) {
      out.println(line.replace("\r", "\n    "));
    }
    out.println("---- end of the log lines of " + test + " ----");
  }
}
