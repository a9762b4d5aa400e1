package dev.lambdaguice.test;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The log lines of a test: what the runtimes it started and the code it called logged through
 * {@code java.util.logging}, one entry per record in the runtime's format (a stack trace stays in its record's
 * entry, its lines joined by {@code \r} as on CloudWatch), plus the output lines of child-process runtimes.
 * Kept instead of printed; a failing test prints them.
 */
public final class CapturedLogs {

  /** Lines kept at most; older ones are dropped first. */
  public static final int MAX_LINES = 100_000;

  /** How often {@link #await} collects lines from elsewhere while it waits. */
  private static final long COLLECT_EVERY_MILLIS = 50;

  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final PrintStream output = new LineSink(this, false).printStream();
  private volatile Runnable collector = () -> {};
  /** Lines dropped so far: a mark is an absolute line number. */
  private long dropped;
  private long testStart;

  CapturedLogs() {}

  synchronized void add(String line) {
    if (lines.size() == MAX_LINES) {
      lines.removeFirst();
      dropped++;
    }
    lines.addLast(line);
    notifyAll();
  }

  /** The mark of the next line to come. */
  synchronized long mark() {
    return dropped + lines.size();
  }

  synchronized void startTest() {
    testStart = mark();
  }

  /** The lines from {@code mark} on (those still kept). */
  synchronized List<String> since(long mark) {
    List<String> result = new ArrayList<>();
    long index = dropped;
    for (String line : lines) {
      if (index++ >= mark) {
        result.add(line);
      }
    }
    return result;
  }

  /**
   * A stream whose lines become log lines of the current test: for a runtime a test starts itself, as in
   * {@code lambda.inProcess().entry((env, args) -> LambdaRuntime.run(env, args, logs.output()))}.
   */
  public PrintStream output() {
    return output;
  }

  /** The lines logged since the current test began. */
  public List<String> lines() {
    collector.run();
    return since(currentTestStart());
  }

  /** Whether a line logged since the current test began contains {@code text}. */
  public boolean contains(String text) {
    Objects.requireNonNull(text, "text");
    return lines().stream().anyMatch(line -> line.contains(text));
  }

  /** The lines logged since the current test began that contain {@code text}. */
  public List<String> containing(String text) {
    Objects.requireNonNull(text, "text");
    return lines().stream().filter(line -> line.contains(text)).toList();
  }

  /**
   * Waits until a line logged since the current test began matches, for lines that come after an answer (a
   * child process's output arrives through a pipe). False on timeout.
   */
  public boolean await(Predicate<? super String> matcher, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long checked = currentTestStart();
    while (true) {
      collector.run(); // outside the lock: collecting takes the client's and the function's locks first
      synchronized (this) {
        for (String line : since(checked)) {
          if (matcher.test(line)) {
            return true;
          }
        }
        checked = Math.max(checked, mark());
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, Math.min(COLLECT_EVERY_MILLIS, left / 1_000_000)));
      }
    }
  }

  /**
   * Sets what copies lines that come from elsewhere (a child process's output) into these logs: {@link #lines}
   * runs it first, and {@link #await} while it waits, since nothing else tells them such lines came.
   */
  void collector(Runnable collector) {
    this.collector = Objects.requireNonNull(collector, "collector");
  }

  private synchronized long currentTestStart() {
    return testStart;
  }
}
