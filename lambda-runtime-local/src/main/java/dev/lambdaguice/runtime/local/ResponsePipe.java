package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded pipe between a runtime's streamed {@code /response} and the invoker that reads it: a ring of
 * {@link #CAPACITY} bytes. The runtime's connection thread writes and waits while the ring is full (back-pressure
 * on the runtime); the invoker reads what has arrived. The pipe never holds more than the ring, whatever the size
 * of the stream. Thread-safe: one writer and one reader.
 *
 * <p>It starts when the runtime starts streaming ({@link #start}) and ends with the invocation's result
 * ({@link #finish}): the stream's end, its error, or an answer that was not streamed at all, whose body the reader
 * then reads from the result.
 */
final class ResponsePipe {

  /** The ring's size: the most bytes in transit between the runtime and the invoker. */
  static final int CAPACITY = 64 * 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final byte[] ring = new byte[CAPACITY];
  private int head;
  private int count;
  private boolean started;
  private String contentType;
  private boolean finished;
  private InvokeResult result;
  private Throwable failure;
  /** A buffered answer's body, read after the ring (which is then empty); null when the answer was streamed. */
  private byte[] tail;
  private int tailRead;
  private boolean readerClosed;

  /** The runtime started streaming, with this content type (null when it sent none). */
  void start(String contentType) {
    lock.lock();
    try {
      if (!finished) {
        this.started = true;
        this.contentType = contentType;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes bytes from the runtime, waiting while the ring is full. Once the reader closed, the bytes are dropped.
   *
   * @throws IOException the invocation ended meanwhile (its deadline passed, or the server closed)
   */
  void write(byte[] bytes, int offset, int length) throws IOException {
    int written = 0;
    lock.lock();
    try {
      while (written < length) {
        while (count == CAPACITY && !readerClosed && !finished) {
          changed.await();
        }
        if (finished) {
          throw new IOException("the invocation ended while its response was streamed");
        }
        if (readerClosed) {
          return;
        }
        int tailIndex = (head + count) % CAPACITY;
        int n = Math.min(length - written, Math.min(CAPACITY - count, CAPACITY - tailIndex));
        System.arraycopy(bytes, offset + written, ring, tailIndex, n);
        count += n;
        written += n;
        changed.signalAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while streaming a response");
    } finally {
      lock.unlock();
    }
  }

  /** Ends the pipe with the invocation's result or failure (a {@link TimeoutException}, or the server closing). */
  void finish(InvokeResult result, Throwable failure) {
    lock.lock();
    try {
      if (finished) {
        return;
      }
      finished = true;
      this.result = result;
      this.failure = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (!started && result != null) { // answered without a stream: its body is the whole response
        contentType = result.contentType();
        tail = result.bodyBytes();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the response starts: the runtime streams, or the invocation ended first.
   *
   * @throws TimeoutException the invocation got no answer within the invoke timeout
   * @throws IllegalStateException the server closed first
   */
  void awaitStart() throws InterruptedException, TimeoutException {
    lock.lockInterruptibly();
    try {
      while (!started && !finished) {
        changed.await();
      }
      if (!started) {
        rethrowFailure();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the runtime started streaming (false for an answer that was not streamed). */
  boolean started() {
    lock.lock();
    try {
      return started;
    } finally {
      lock.unlock();
    }
  }

  /** The content type, once started (or the buffered answer's). */
  String contentType() {
    lock.lock();
    try {
      return contentType;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads what has arrived, waiting only when nothing has.
   *
   * @return how many bytes were read, or -1 once the response ended and every byte was read
   */
  int read(byte[] buffer, int offset, int length) throws InterruptedException {
    if (length == 0) {
      return 0;
    }
    lock.lockInterruptibly();
    try {
      while (count == 0 && !finished) {
        changed.await();
      }
      if (count > 0) {
        int n = Math.min(length, Math.min(count, CAPACITY - head));
        System.arraycopy(ring, head, buffer, offset, n);
        head = (head + n) % CAPACITY;
        count -= n;
        changed.signalAll();
        return n;
      }
      if (tail != null && tailRead < tail.length) {
        int n = Math.min(length, tail.length - tailRead);
        System.arraycopy(tail, tailRead, buffer, offset, n);
        tailRead += n;
        return n;
      }
      return -1;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the end and returns the result; bytes not read yet are dropped.
   *
   * @throws TimeoutException the invocation got no answer within the invoke timeout
   * @throws IllegalStateException the server closed first
   */
  InvokeResult result() throws InterruptedException, TimeoutException {
    lock.lockInterruptibly();
    try {
      readerClosed = true;
      count = 0;
      changed.signalAll();
      while (!finished) {
        changed.await();
      }
      rethrowFailure();
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** The reader went away: the runtime's further bytes are dropped, and its stream goes on to its end. */
  void closeReader() {
    lock.lock();
    try {
      readerClosed = true;
      count = 0;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void rethrowFailure() throws TimeoutException {
    if (failure instanceof TimeoutException timeout) {
      throw timeout;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }
}
