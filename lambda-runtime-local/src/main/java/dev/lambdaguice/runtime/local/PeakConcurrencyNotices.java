package dev.lambdaguice.runtime.local;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For {@code LocalMain --max-concurrency}: says on a stream each time a function ran more invocations at once than
 * before, checking twice a second on a daemon thread and once more when {@code LocalMain} stops, so a user sees
 * their runtime poll concurrently.
 */
final class PeakConcurrencyNotices implements Runnable {

  private static final long CHECK_MILLIS = 500;

  private final List<LocalFunction> functions;
  private final int maxConcurrency;
  private final PrintStream out;
  private final Map<String, Integer> reported = new HashMap<>();

  private PeakConcurrencyNotices(List<LocalFunction> functions, int maxConcurrency, PrintStream out) {
    this.functions = functions;
    this.maxConcurrency = maxConcurrency;
    this.out = out;
  }

  /** Starts the checks; call {@link #check()} for a last one. */
  static PeakConcurrencyNotices start(List<LocalFunction> functions, int maxConcurrency, PrintStream out) {
    PeakConcurrencyNotices notices = new PeakConcurrencyNotices(functions, maxConcurrency, out);
    Thread thread = new Thread(notices, "local-lambda-peaks");
    thread.setDaemon(true);
    thread.start();
    return notices;
  }

  @Override
  public void run() {
    try {
      while (true) {
        Thread.sleep(CHECK_MILLIS);
        check();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  synchronized void check() {
    for (LocalFunction function : functions) {
      int peak = function.lambda().peakConcurrency();
      String name = function.key() == null ? "function" : function.key();
      if (peak > reported.getOrDefault(name, 1)) {
        reported.put(name, peak);
        out.println("LocalMain: function " + name + ": " + peak + " invocations ran at once (the most so far;"
            + " AWS_LAMBDA_MAX_CONCURRENCY=" + maxConcurrency + ")");
      }
    }
  }
}
