package dev.lambdaguice.runtime.guice;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * Warns shortly before an invocation's deadline if it is still running: one WARN line with its request id, the
 * handler key, the time it has run and the stack of the thread serving it, so "Task timed out" comes with where
 * the handler was. The margin is {@value #MARGIN_VARIABLE} (default {@value #DEFAULT_MARGIN_MS} ms; 0 turns it off).
 *
 * <p>It costs no thread wake-up per invocation. Loops record each invocation in their {@link Watch} (one clock read
 * and a volatile write, no signal); the watchdog does the arithmetic. The watchdog thread sleeps until the earliest warning time it knows of; when it wakes to find
 * that invocation ended, it sleeps until the warning time of the one running now, or, when none runs, for one
 * function timeout minus the margin: an invocation that starts meanwhile warns no earlier than that, since every
 * invocation gets the same timeout. So it wakes about once per function timeout while invocations keep coming,
 * whatever their number, and only the first invocation of the process wakes it on purpose.
 */
final class DeadlineWatchdog implements Runnable {

  static final String MARGIN_VARIABLE = "LAMBDA_GUICE_DEADLINE_WARNING_MS";
  static final long DEFAULT_MARGIN_MS = 300;
  private static final int MAX_FRAMES = 64;

  /** An invocation a loop serves: its deadline (epoch milliseconds), and what to say about it. */
  private record Running(ActiveInvocation invocation, long startNanos, long deadlineMs, Thread thread) {}

  /** One loop's current invocation. */
  final class Watch {
    private volatile Running running;
    private Running warned; // watchdog thread only

    /** The loop's thread starts serving {@code invocation}, due at {@code deadlineMs} (epoch milliseconds). */
    void started(ActiveInvocation invocation, long deadlineMs) {
      running = new Running(invocation, System.nanoTime(), deadlineMs, Thread.currentThread());
      if (timeoutNanos == 0) { // the first invocation: tell the watchdog how long invocations run at most
        timeoutNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(deadlineMs - System.currentTimeMillis()), 1);
        LockSupport.unpark(thread);
      }
    }

    /** The invocation ended. */
    void ended() {
      running = null;
    }
  }

  private final long marginNanos;
  private final String handlerKey;
  private final InvocationScope scope;
  private final Logger log;
  private final List<Watch> watches = new CopyOnWriteArrayList<>();
  private final AtomicLong wakeUps = new AtomicLong();
  private volatile long timeoutNanos;
  private volatile Thread thread;

  private DeadlineWatchdog(long marginMs, String handlerKey, InvocationScope scope, Logger log) {
    this.marginNanos = TimeUnit.MILLISECONDS.toNanos(marginMs);
    this.handlerKey = handlerKey;
    this.scope = scope;
    this.log = log;
  }

  /**
   * The margin from {@code env}: {@value #MARGIN_VARIABLE}, or the default when unset or blank.
   *
   * @throws IllegalArgumentException the value is not a whole number of milliseconds, 0 or more
   */
  static long margin(Map<String, String> env) {
    String value = env.get(MARGIN_VARIABLE);
    if (value == null || value.isBlank()) {
      return DEFAULT_MARGIN_MS;
    }
    try {
      long margin = Long.parseLong(value.trim());
      if (margin >= 0) {
        return margin;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(MARGIN_VARIABLE + " must be a whole number of milliseconds (0 turns the"
        + " warning off), got '" + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
  }

  /** Starts a watchdog on a daemon thread; null when {@code marginMs} is 0 (off). */
  static DeadlineWatchdog start(long marginMs, String handlerKey, InvocationScope scope, Logger log) {
    if (marginMs == 0) {
      return null;
    }
    DeadlineWatchdog watchdog = new DeadlineWatchdog(marginMs, handlerKey, scope, log);
    Thread thread = new Thread(watchdog, "lambda-deadline-watchdog");
    thread.setDaemon(true);
    watchdog.thread = thread;
    thread.start();
    return watchdog;
  }

  /** A new watch, for one loop. */
  Watch watch() {
    Watch watch = new Watch();
    watches.add(watch);
    return watch;
  }

  /** How many times the watchdog thread woke up; for tests. */
  long wakeUps() {
    return wakeUps.get();
  }

  @Override
  public void run() {
    while (timeoutNanos == 0) { // parked until the first invocation
      LockSupport.park(this);
      wakeUps.incrementAndGet();
    }
    while (true) {
      long nowMs = System.currentTimeMillis();
      long sleep = Math.max(timeoutNanos - marginNanos, TimeUnit.MILLISECONDS.toNanos(1));
      for (Watch watch : watches) {
        Running running = watch.running;
        if (running == null || running == watch.warned) {
          continue;
        }
        long untilWarning = TimeUnit.MILLISECONDS.toNanos(running.deadlineMs - nowMs) - marginNanos;
        if (untilWarning <= 0) {
          watch.warned = running;
          warn(running, System.nanoTime());
        } else {
          sleep = Math.min(sleep, untilWarning);
        }
      }
      LockSupport.parkNanos(this, sleep);
      wakeUps.incrementAndGet();
    }
  }

  private void warn(Running running, long now) {
    StringBuilder message = new StringBuilder(1024);
    message.append("Invocation ").append(running.invocation.requestId()).append(" of handler '").append(handlerKey)
        .append("' is still running after ")
        .append(String.format(Locale.ROOT, "%,d", TimeUnit.NANOSECONDS.toMillis(now - running.startNanos)))
        .append(" ms, ").append(TimeUnit.NANOSECONDS.toMillis(marginNanos))
        .append(" ms before its deadline; thread ").append(running.thread.getName()).append(" is at:");
    StackTraceElement[] stack = running.thread.getStackTrace();
    for (int i = 0; i < Math.min(stack.length, MAX_FRAMES); i++) {
      message.append("\n\tat ").append(stack[i]);
    }
    if (stack.length > MAX_FRAMES) {
      message.append("\n\t... ").append(stack.length - MAX_FRAMES).append(" more");
    }
    scope.runAs(running.invocation, () -> log.warning(message.toString()));
  }
}
