package dev.lambdaguice.runtime.guice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs one {@link InvocationLoop} per thread for {@code AWS_LAMBDA_MAX_CONCURRENCY} (Lambda Managed Instances), each
 * with its own connection, and stops them together. A loop returns only when the runtime must stop (a 500, a
 * platform gone, an {@link Error}); then the group stops: loops waiting in {@code /next} are interrupted (a read on
 * a socket channel ends when its thread is interrupted), and loops serving an invocation answer it first, so every
 * invocation handed out still ends with exactly one post. The first loop's exit code is the process's.
 */
final class LoopGroup {

  private final Logger log;
  private final Object lock = new Object();
  private final Set<Thread> polling = new HashSet<>(); // guarded by lock
  private boolean stopping; // guarded by lock
  private int exitCode; // guarded by lock

  LoopGroup(Logger log) {
    this.log = log;
  }

  /**
   * Runs {@code loops}, each on a thread of its own, until they have all returned; returns the exit code of the
   * first that did. An interrupt of the calling thread stops them all (how {@code lambda-runtime-local} stops an
   * in-process runtime).
   */
  int run(List<InvocationLoop> loops) {
    List<Thread> threads = new ArrayList<>(loops.size());
    for (int i = 0; i < loops.size(); i++) {
      InvocationLoop loop = loops.get(i);
      Thread thread = new Thread(() -> stop(loop.run()), "lambda-loop-" + (i + 1));
      thread.setDaemon(true);
      threads.add(thread);
    }
    log.info("Polling with " + loops.size() + " concurrent loops (AWS_LAMBDA_MAX_CONCURRENCY)");
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          stop(LambdaRuntime.EXIT_PLATFORM_FAILED);
          threads.forEach(Thread::interrupt);
        }
      }
    }
    synchronized (lock) {
      return exitCode;
    }
  }

  /** Called by a loop before {@code /next}: false once the group stops. */
  boolean startPoll() {
    synchronized (lock) {
      if (stopping) {
        return false;
      }
      polling.add(Thread.currentThread());
      return true;
    }
  }

  /**
   * Called by a loop when {@code /next} returned: from here on it is not interrupted, and an interrupt that raced
   * with the answer is cleared, so the invocation it got is answered.
   */
  void endPoll() {
    synchronized (lock) {
      polling.remove(Thread.currentThread());
    }
    Thread.interrupted();
  }

  /** Whether the group stops. */
  boolean stopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  /** The exit code the group stops with; 0 while it runs. */
  int exitCode() {
    synchronized (lock) {
      return exitCode;
    }
  }

  /** Stops the group with {@code code} (the first code wins) and interrupts the loops waiting in {@code /next}. */
  void stop(int code) {
    synchronized (lock) {
      if (!stopping) {
        stopping = true;
        exitCode = code;
      }
      for (Thread thread : polling) {
        thread.interrupt();
      }
    }
  }
}
