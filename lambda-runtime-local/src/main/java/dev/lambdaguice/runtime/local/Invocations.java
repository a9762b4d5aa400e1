package dev.lambdaguice.runtime.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The invocation state machine: invocations wait in a queue until a runtime's {@code /next} takes one, then stay
 * in flight until the runtime answers or the deadline passes. Thread-safe.
 *
 * <p>Timeouts are enforced by {@link #sweep()}, which the owner runs every {@link #SWEEP_INTERVAL}: one periodic
 * task instead of a timer per invocation keeps the hot path free of timer work.
 */
final class Invocations {

  /** How many answered request ids are remembered to tell "answered twice" (403) from "unknown" (400). */
  static final int ANSWERED_IDS_KEPT = 100_000;

  /** How often {@link #sweep()} should run; timeouts fire up to this much late. */
  static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);

  /** What answering an invocation did. */
  enum Outcome { ACCEPTED, UNKNOWN_ID, ALREADY_ANSWERED }

  private final long timeoutMs;
  private final long invokeTimeoutNanos;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private final Condition pollersChanged = lock.newCondition();
  private final ArrayDeque<PendingInvocation> queue = new ArrayDeque<>();
  /** In the order handed out, which is deadline order. */
  private final Map<String, PendingInvocation> inFlight = new LinkedHashMap<>();
  private final Map<String, Boolean> answered = new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > ANSWERED_IDS_KEPT;
    }
  };
  private RuntimeError initError;
  private boolean polled;
  private boolean closed;
  private int pollers;

  Invocations(Duration functionTimeout, Duration invokeTimeout) {
    this.timeoutMs = functionTimeout.toMillis();
    this.invokeTimeoutNanos = invokeTimeout.toNanos();
  }

  /**
   * Queues an invocation. Its result completes with the runtime's answer; with the init error if there is one;
   * with a {@link TimeoutException} if it gets no answer within the invoke timeout; or with an
   * {@link IllegalStateException} when the server closes first.
   */
  CompletableFuture<InvokeResult> submit(byte[] event, InvokeOptions options) {
    PendingInvocation invocation = new PendingInvocation(Ids.requestId(), event, options);
    RuntimeError failure;
    boolean isClosed;
    lock.lock();
    try {
      failure = initError;
      isClosed = closed;
      if (failure == null && !isClosed) {
        queue.addLast(invocation);
        queued.signal();
      }
    } finally {
      lock.unlock();
    }
    if (isClosed) {
      invocation.result.completeExceptionally(closedException());
    } else if (failure != null) {
      invocation.result.complete(failure.toResult(invocation.requestId));
    }
    return invocation.result;
  }

  /**
   * Blocks until an invocation is queued and hands it out, starting its deadline.
   *
   * @return the invocation, or null once closed
   */
  PendingInvocation take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      polled = true;
      pollers++;
      pollersChanged.signalAll();
      try {
        while (true) {
          if (closed) {
            return null;
          }
          PendingInvocation invocation = queue.pollFirst();
          if (invocation == null) {
            queued.await();
          } else if (!invocation.result.isDone()) {
            invocation.deadlineMs = System.currentTimeMillis() + timeoutMs;
            inFlight.put(invocation.requestId, invocation);
            return invocation;
          }
        }
      } finally {
        pollers--;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Puts a handed-out invocation back at the head of the queue: its {@code /next} never reached the runtime. */
  void requeue(PendingInvocation invocation) {
    lock.lock();
    try {
      if (inFlight.remove(invocation.requestId, invocation)) {
        queue.addFirst(invocation);
        queued.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Answers an in-flight invocation with {@code result}, unless it is unknown or was answered already. */
  Outcome complete(String requestId, InvokeResult result) {
    PendingInvocation invocation;
    lock.lock();
    try {
      invocation = inFlight.remove(requestId);
      if (invocation == null) {
        return answered.containsKey(requestId) ? Outcome.ALREADY_ANSWERED : Outcome.UNKNOWN_ID;
      }
      answered.put(requestId, Boolean.TRUE);
    } finally {
      lock.unlock();
    }
    invocation.result.complete(result);
    return Outcome.ACCEPTED;
  }

  /**
   * Records the runtime's init error and fails every queued and future invocation with it.
   *
   * @return false when it comes too late: after a {@code /next}, or after another init error
   */
  boolean initError(RuntimeError error) {
    List<PendingInvocation> failed;
    lock.lock();
    try {
      if (polled || initError != null || closed) {
        return false;
      }
      initError = error;
      failed = new ArrayList<>(queue);
      queue.clear();
    } finally {
      lock.unlock();
    }
    for (PendingInvocation invocation : failed) {
      invocation.result.complete(error.toResult(invocation.requestId));
    }
    return true;
  }

  Optional<RuntimeError> initError() {
    lock.lock();
    try {
      return Optional.ofNullable(initError);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until at least one {@code /next} is blocked waiting for an invocation. */
  boolean awaitPoller(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (pollers == 0 && !closed) {
        if (nanos <= 0) {
          return false;
        }
        nanos = pollersChanged.awaitNanos(nanos);
      }
      return pollers > 0;
    } finally {
      lock.unlock();
    }
  }

  /** Fails every queued and in-flight invocation, and returns null to every waiting and later {@link #take()}. */
  void close() {
    List<PendingInvocation> failed;
    lock.lock();
    try {
      closed = true;
      failed = new ArrayList<>(queue);
      failed.addAll(inFlight.values());
      queue.clear();
      inFlight.clear();
      queued.signalAll();
      pollersChanged.signalAll();
    } finally {
      lock.unlock();
    }
    for (PendingInvocation invocation : failed) {
      invocation.result.completeExceptionally(closedException());
    }
  }

  /**
   * Fails in-flight invocations past their deadline with {@code Sandbox.Timedout}, and fails with a
   * {@link TimeoutException} the invocations whose invoker has waited longer than the invoke timeout (queued ones
   * are dropped from the queue; in-flight ones may still be answered, unseen).
   */
  void sweep() {
    long now = System.currentTimeMillis();
    long nowNanos = System.nanoTime();
    List<PendingInvocation> timedOut = new ArrayList<>();
    List<PendingInvocation> notTaken = new ArrayList<>();
    List<PendingInvocation> notAnswered = new ArrayList<>();
    lock.lock();
    try {
      for (Iterator<PendingInvocation> it = inFlight.values().iterator(); it.hasNext(); ) {
        PendingInvocation invocation = it.next();
        if (invocation.deadlineMs <= now) {
          it.remove();
          answered.put(invocation.requestId, Boolean.TRUE);
          timedOut.add(invocation);
        } else if (nowNanos - invocation.submittedNanos >= invokeTimeoutNanos && !invocation.result.isDone()) {
          notAnswered.add(invocation);
        }
      }
      while (!queue.isEmpty() && nowNanos - queue.peekFirst().submittedNanos >= invokeTimeoutNanos) {
        notTaken.add(queue.pollFirst());
      }
    } finally {
      lock.unlock();
    }
    String message = String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeoutMs / 1000.0);
    for (PendingInvocation invocation : timedOut) {
      invocation.result.complete(InvokeResult.failure(invocation.requestId, "Sandbox.Timedout", "application/json",
          ErrorJson.of("Sandbox.Timedout", message)));
    }
    for (PendingInvocation invocation : notTaken) {
      invocation.result.completeExceptionally(invokeTimeout(invocation, "no runtime took it from /next"));
    }
    for (PendingInvocation invocation : notAnswered) {
      invocation.result.completeExceptionally(invokeTimeout(invocation, "the runtime has not answered it"));
    }
  }

  private TimeoutException invokeTimeout(PendingInvocation invocation, String reason) {
    return new TimeoutException("invocation " + invocation.requestId + " got no answer within "
        + TimeUnit.NANOSECONDS.toMillis(invokeTimeoutNanos) + " ms: " + reason);
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException("the local Lambda is closed");
  }
}
