package dev.lambdaguice.runtime.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The invocation state machine: invocations wait in a queue until a runtime's {@code /next} takes one, then stay
 * in flight until the runtime answers or the deadline passes. Thread-safe.
 *
 * <p>Each handed-out invocation has a timer task at its deadline, cancelled when it is answered, so a timed-out
 * invocation is answered at its deadline, as Lambda does. The invoker's own wait (the invoke timeout) is enforced
 * by {@link #sweep()}, which the owner runs every {@link #SWEEP_INTERVAL}.
 */
final class Invocations {

  /** How many answered request ids are remembered to tell "answered twice" (403) from "unknown" (400). */
  static final int ANSWERED_IDS_KEPT = 100_000;

  /** How often {@link #sweep()} should run; invoke timeouts fire up to this much late. */
  static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);

  /** What answering an invocation did. */
  enum Outcome { ACCEPTED, UNKNOWN_ID, ALREADY_ANSWERED }

  /** Told what happens to invocations, on the thread where it happens; must not block. */
  interface Listener {
    /** An invocation was queued. */
    default void submitted() {}

    /** An invocation's deadline passed before the runtime answered it; it was answered with the timeout. */
    default void timedOut(String requestId) {}
  }

  private final long timeoutMs;
  private final ScheduledExecutorService timer;
  private volatile Listener listener = new Listener() {};
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
  private int peakConcurrency;

  /** @param timer runs each invocation's deadline task */
  Invocations(Duration functionTimeout, Duration invokeTimeout, ScheduledExecutorService timer) {
    this.timeoutMs = functionTimeout.toMillis();
    this.invokeTimeoutNanos = invokeTimeout.toNanos();
    this.timer = timer;
  }

  /** Sets the one listener. */
  void listen(Listener listener) {
    this.listener = listener;
  }

  /**
   * Queues an invocation. Its result completes with the runtime's answer; with the init error if there is one;
   * with a {@link TimeoutException} if it gets no answer within the invoke timeout; or with an
   * {@link IllegalStateException} when the server closes first.
   */
  CompletableFuture<InvokeResult> submit(byte[] event, InvokeOptions options) {
    return submit(event, options, false).result;
  }

  /**
   * Queues an invocation as {@link #submit(byte[], InvokeOptions)}; with {@code streamed}, its {@link
   * PendingInvocation#pipe} carries a streamed response to the invoker as it arrives.
   */
  PendingInvocation submit(byte[] event, InvokeOptions options, boolean streamed) {
    PendingInvocation invocation = new PendingInvocation(Ids.requestId(), event, options, streamed);
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
    } else {
      listener.submitted();
    }
    return invocation;
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
            invocation.deadlineTask = timer.schedule(() -> expire(invocation), timeoutMs, TimeUnit.MILLISECONDS);
            inFlight.put(invocation.requestId, invocation);
            peakConcurrency = Math.max(peakConcurrency, inFlight.size());
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
        invocation.cancelDeadline();
        queue.addFirst(invocation);
        queued.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Answers an in-flight invocation with {@code result}, unless it is unknown, was answered already, or its
   * response is being streamed.
   */
  Outcome complete(String requestId, InvokeResult result) {
    PendingInvocation invocation;
    lock.lock();
    try {
      invocation = inFlight.get(requestId);
      if (invocation == null) {
        return answered.containsKey(requestId) ? Outcome.ALREADY_ANSWERED : Outcome.UNKNOWN_ID;
      }
      if (invocation.streaming) {
        return Outcome.ALREADY_ANSWERED;
      }
      inFlight.remove(requestId);
      answered.put(requestId, Boolean.TRUE);
    } finally {
      lock.unlock();
    }
    invocation.cancelDeadline();
    invocation.result.complete(result);
    return Outcome.ACCEPTED;
  }

  /**
   * Starts streaming the response of an in-flight invocation: it stays in flight (its deadline still applies)
   * until {@link #completeStream}.
   *
   * @return the invocation, or null with the reason in {@code outcome}'s sense: see {@link #wasAnswered}
   */
  PendingInvocation startStream(String requestId) {
    lock.lock();
    try {
      PendingInvocation invocation = inFlight.get(requestId);
      if (invocation == null || invocation.streaming) {
        return null;
      }
      invocation.streaming = true;
      return invocation;
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code requestId} was answered (or is being streamed): 403 rather than 400 for another answer. */
  boolean wasAnswered(String requestId) {
    lock.lock();
    try {
      PendingInvocation invocation = inFlight.get(requestId);
      return invocation != null ? invocation.streaming : answered.containsKey(requestId);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends a streamed response with its result.
   *
   * @return false when the invocation ended before (its deadline passed, or the server closed)
   */
  boolean completeStream(PendingInvocation invocation, InvokeResult result) {
    lock.lock();
    try {
      if (!inFlight.remove(invocation.requestId, invocation)) {
        return false;
      }
      answered.put(invocation.requestId, Boolean.TRUE);
    } finally {
      lock.unlock();
    }
    invocation.cancelDeadline();
    invocation.result.complete(result);
    return true;
  }

  /** Answers an in-flight invocation whose deadline passed with Lambda's {@code Sandbox.Timedout}. */
  private void expire(PendingInvocation invocation) {
    lock.lock();
    try {
      if (!inFlight.remove(invocation.requestId, invocation)) {
        return;
      }
      answered.put(invocation.requestId, Boolean.TRUE);
    } finally {
      lock.unlock();
    }
    String message = String.format(Locale.ROOT, "RequestId: %s Error: Task timed out after %.2f seconds",
        invocation.requestId, timeoutMs / 1000.0);
    invocation.result.complete(InvokeResult.failure(invocation.requestId, "Sandbox.Timedout", "application/json",
        ErrorJson.of("Sandbox.Timedout", message)));
    listener.timedOut(invocation.requestId);
  }

  /**
   * Answers every in-flight and queued invocation with an error, as Lambda does when the runtime exits:
   * {@code errorType} and, per request id, {@code message}.
   *
   * @return how many were answered
   */
  int failAll(String errorType, Function<String, String> message) {
    List<PendingInvocation> failed;
    lock.lock();
    try {
      failed = new ArrayList<>(inFlight.values());
      failed.addAll(queue);
      inFlight.clear();
      queue.clear();
      for (PendingInvocation invocation : failed) {
        answered.put(invocation.requestId, Boolean.TRUE);
      }
    } finally {
      lock.unlock();
    }
    for (PendingInvocation invocation : failed) {
      invocation.cancelDeadline();
      invocation.result.complete(InvokeResult.failure(invocation.requestId, errorType, "application/json",
          ErrorJson.of(errorType, message.apply(invocation.requestId))));
    }
    return failed.size();
  }

  /**
   * Forgets the previous runtime's start: a fresh runtime that replaces it may initialize, and fail to, again.
   * Invocations after an init error are then queued for the fresh runtime instead of failing with that error.
   */
  void newRuntime() {
    lock.lock();
    try {
      polled = false;
      initError = null;
    } finally {
      lock.unlock();
    }
  }

  /** The most invocations in flight at one time so far. */
  int peakConcurrency() {
    lock.lock();
    try {
      return peakConcurrency;
    } finally {
      lock.unlock();
    }
  }

  /** Whether invocations wait in the queue for a runtime. */
  boolean hasQueued() {
    lock.lock();
    try {
      return !queue.isEmpty();
    } finally {
      lock.unlock();
    }
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
      invocation.cancelDeadline();
      invocation.result.completeExceptionally(closedException());
    }
  }

  /**
   * Fails with a {@link TimeoutException} the invocations whose invoker has waited longer than the invoke timeout
   * (queued ones are dropped from the queue; in-flight ones may still be answered, unseen).
   */
  void sweep() {
    long nowNanos = System.nanoTime();
    List<PendingInvocation> notTaken = new ArrayList<>();
    List<PendingInvocation> notAnswered = new ArrayList<>();
    lock.lock();
    try {
      for (PendingInvocation invocation : inFlight.values()) {
        if (nowNanos - invocation.submittedNanos >= invokeTimeoutNanos && !invocation.result.isDone()
            && !invocation.streaming) { // a stream has begun: only its deadline ends it
          notAnswered.add(invocation);
        }
      }
      while (!queue.isEmpty() && nowNanos - queue.peekFirst().submittedNanos >= invokeTimeoutNanos) {
        notTaken.add(queue.pollFirst());
      }
    } finally {
      lock.unlock();
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
