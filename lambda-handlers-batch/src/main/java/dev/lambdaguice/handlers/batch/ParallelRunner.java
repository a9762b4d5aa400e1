package dev.lambdaguice.handlers.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * Runs numbered tasks on the calling thread and a fixed pool of daemon threads started at init. Safe for concurrent
 * invocations (Lambda Managed Instances): each call's work queues for the shared pool threads while its own thread
 * works too, so every call finishes even when the pool is busy with another's. A task that throws
 * (an {@link Error}: tasks catch exceptions themselves) stops the others from starting new tasks, and is rethrown
 * on the calling thread once every thread is done.
 */
public final class ParallelRunner {

  private final ThreadPoolExecutor pool;
  private final int helpers;
  private final UnaryOperator<Runnable> toPool;

  /** A runner using {@code threads} threads in all: the caller's and {@code threads - 1} pool threads. */
  public ParallelRunner(String name, int threads) {
    this(name, threads, UnaryOperator.identity());
  }

  /**
   * Like {@link #ParallelRunner(String, int)}; {@code toPool} wraps, on the calling thread, the work given to pool
   * threads (the runtime's invocation scope, so they log with the invocation's request id).
   */
  public ParallelRunner(String name, int threads, UnaryOperator<Runnable> toPool) {
    this.toPool = toPool;
    this.helpers = threads - 1;
    AtomicInteger count = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(helpers, helpers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.prestartAllCoreThreads();
  }

  /** Runs {@code task} for 0 to {@code tasks - 1}, each once, and returns when all have run. */
  public void run(int tasks, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Runnable worker = () -> {
      int t;
      while (!stop.get() && (t = next.getAndIncrement()) < tasks) {
        try {
          task.accept(t);
        } catch (Throwable e) {
          stop.set(true);
          throw e;
        }
      }
    };
    List<Future<?>> futures = new ArrayList<>(helpers);
    Runnable pooled = toPool.apply(worker);
    for (int i = Math.min(helpers, tasks - 1); i > 0; i--) {
      futures.add(pool.submit(pooled));
    }
    Throwable failure = null;
    try {
      worker.run();
    } catch (Throwable e) {
      failure = e;
    }
    for (Future<?> future : futures) {
      Throwable e = await(future);
      if (failure == null) {
        failure = e;
      }
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof RuntimeException exception) {
      throw exception;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** Waits for {@code future} even if interrupted (the interrupt is kept); returns what its task threw. */
  private static Throwable await(Future<?> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          future.get();
          return null;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          return e.getCause();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
