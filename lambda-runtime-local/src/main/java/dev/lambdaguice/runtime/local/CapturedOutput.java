package dev.lambdaguice.runtime.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The lines a child process wrote to one of its output streams. Keeps the last {@value #MAX_LINES} lines. */
public final class CapturedOutput {

  public static final int MAX_LINES = 100_000;

  private final List<String> lines = new ArrayList<>();
  /** Lines dropped from the front to stay under {@link #MAX_LINES}. */
  private long dropped;
  private boolean ended;

  CapturedOutput() {}

  synchronized void add(String line) {
    lines.add(line);
    if (lines.size() > MAX_LINES) {
      int cut = MAX_LINES / 2;
      lines.subList(0, cut).clear();
      dropped += cut;
    }
    notifyAll();
  }

  synchronized void end() {
    ended = true;
    notifyAll();
  }

  /** The lines so far, without line terminators. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** True once the stream has ended (the process closed it or exited): no more lines will come. */
  public synchronized boolean ended() {
    return ended;
  }

  /**
   * Waits until a line, already written or still to come, matches.
   *
   * @return true if one did; false if none did before the timeout or the end of the stream
   */
  public synchronized boolean await(Predicate<? super String> matcher, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long next = dropped;
    while (true) {
      for (long i = Math.max(next, dropped); i < dropped + lines.size(); i++) {
        if (matcher.test(lines.get((int) (i - dropped)))) {
          return true;
        }
      }
      next = dropped + lines.size();
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
