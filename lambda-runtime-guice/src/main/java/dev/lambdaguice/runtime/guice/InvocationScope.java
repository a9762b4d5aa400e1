package dev.lambdaguice.runtime.guice;

import com.google.inject.Key;
import com.google.inject.OutOfScopeException;
import com.google.inject.Provider;
import com.google.inject.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The scope of {@link InvocationScoped} objects, and the record of which invocation each thread serves: the
 * runtime's log lines take their request id from it. Inject it to hand an invocation's work to other threads:
 *
 * <pre>{@code
 * executor.submit(scope.wrap(() -> audit.record(item)));  // runs with the submitting invocation's scope and log id
 * }</pre>
 *
 * <p>A thread serves the invocation its loop handed it, and a wrapped task the invocation that wrapped it. With one
 * invocation at a time (no {@code AWS_LAMBDA_MAX_CONCURRENCY}, or 1), log lines written by any other thread also
 * carry the current request id, as before there was a scope; scoped objects are still only for the serving threads.
 * Costs nothing per invocation beyond recording the thread's invocation: no map is made until a scoped object is
 * asked for.
 */
public final class InvocationScope implements Scope {

  /**
   * Each thread's invocation, in a holder the thread keeps: entering and leaving an invocation is a field write,
   * not a {@code ThreadLocal} set and remove per invocation.
   */
  private static final class Slot {
    ActiveInvocation invocation;
  }

  private final ThreadLocal<Slot> current = new ThreadLocal<>() { // not withInitial: no lambda bootstrap at init
    @Override
    protected Slot initialValue() {
      return new Slot();
    }
  };
  private final boolean oneAtATime;
  private volatile ActiveInvocation sole;

  /** @param oneAtATime whether invocations run one at a time, so any thread may log with the current id */
  InvocationScope(boolean oneAtATime) {
    this.oneAtATime = oneAtATime;
  }

  /** Records that this thread now serves the invocation {@code requestId}; end it with {@link #exit()}. */
  ActiveInvocation enter(String requestId) {
    ActiveInvocation invocation = new ActiveInvocation(requestId);
    current.get().invocation = invocation;
    if (oneAtATime) {
      sole = invocation;
    }
    return invocation;
  }

  /** Ends this thread's invocation: its scoped objects are dropped with it. */
  void exit() {
    current.get().invocation = null;
    if (oneAtATime) {
      sole = null;
    }
  }

  /** The request id this thread logs with, or null. */
  String requestId() {
    ActiveInvocation invocation = current.get().invocation;
    if (invocation == null) {
      invocation = sole;
    }
    return invocation == null ? null : invocation.requestId();
  }

  /**
   * The context of the invocation this thread serves (its loop thread, or a task it wrapped), or empty: at init,
   * between invocations, on threads of your own. For libraries that act differently inside an invocation, such as
   * {@code lambda-http-client}'s deadline cap.
   */
  public Optional<LambdaContext> current() {
    ActiveInvocation invocation = current.get().invocation;
    return invocation == null ? Optional.empty() : Optional.ofNullable(invocation.context());
  }

  /** The context of the invocation this thread serves; for the {@link LambdaContext} binding. */
  LambdaContext context() {
    ActiveInvocation invocation = active(Key.get(LambdaContext.class));
    LambdaContext context = invocation.context();
    if (context == null) {
      throw new OutOfScopeException("The LambdaContext of invocation " + invocation.requestId()
          + " is not available: its headers could not be read");
    }
    return context;
  }

  @Override
  public <T> Provider<T> scope(Key<T> key, Provider<T> unscoped) {
    return new Provider<>() {
      @Override
      public T get() {
        return active(key).scoped(key, unscoped);
      }

      @Override
      public String toString() {
        return unscoped + " in " + InvocationScope.this;
      }
    };
  }

  /** {@code task}, run with the scope and log request id of the invocation this thread serves now. */
  public Runnable wrap(Runnable task) {
    Objects.requireNonNull(task, "task");
    ActiveInvocation invocation = current.get().invocation;
    return () -> runAs(invocation, task);
  }

  /** {@code task}, run with the scope and log request id of the invocation this thread serves now. */
  public <V> Callable<V> wrap(Callable<V> task) {
    Objects.requireNonNull(task, "task");
    ActiveInvocation invocation = current.get().invocation;
    return () -> {
      ActiveInvocation previous = swap(invocation);
      try {
        return task.call();
      } finally {
        restore(previous);
      }
    };
  }

  /** Runs {@code task} on this thread as part of {@code invocation} (a wrapped task, the watchdog's log line). */
  void runAs(ActiveInvocation invocation, Runnable task) {
    ActiveInvocation previous = swap(invocation);
    try {
      task.run();
    } finally {
      restore(previous);
    }
  }

  /** Makes {@code invocation} this thread's; returns the one it replaces, for {@link #restore}. */
  private ActiveInvocation swap(ActiveInvocation invocation) {
    Slot slot = current.get();
    ActiveInvocation previous = slot.invocation;
    slot.invocation = invocation;
    return previous;
  }

  private void restore(ActiveInvocation previous) {
    current.get().invocation = previous;
  }

  private ActiveInvocation active(Key<?> key) {
    ActiveInvocation invocation = current.get().invocation;
    if (invocation == null) {
      throw new OutOfScopeException("Cannot provide " + key + " outside an invocation: @InvocationScoped objects"
          + " and LambdaContext exist only on a thread serving an invocation (or in a task wrapped with"
          + " InvocationScope.wrap). Inject a Provider of it and call get() while handling.");
    }
    return invocation;
  }

  @Override
  public String toString() {
    return "InvocationScope";
  }
}
