package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What the in-process runtimes of one test logged, kept instead of printed, so that a passing run stays quiet.
 * Register it as a field ({@code @RegisterExtension final RuntimeLog log = new RuntimeLog();}), give a runtime
 * {@link #stream()}, e.g. {@code entry(FakeRuntime.loggingTo(log.stream()))}; if the test fails, the lines are
 * printed after it.
 */
final class RuntimeLog implements TestWatcher {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, UTF_8);

  /** The stream for a runtime's log lines. */
  PrintStream stream() {
    return stream;
  }

  /** Everything logged so far. */
  String text() {
    return bytes.toString(UTF_8);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.out.println("---- log of the failed test " + context.getDisplayName() + " ----");
    System.out.print(text());
    System.out.println("---- end of the log of " + context.getDisplayName() + " ----");
  }
}
