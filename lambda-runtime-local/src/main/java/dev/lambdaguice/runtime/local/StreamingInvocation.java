package dev.lambdaguice.runtime.local;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

/**
 * One invocation whose response is read as it arrives, from {@link LocalLambda#invokeStreaming}: like Lambda's
 * {@code InvokeWithResponseStream}. Its {@link #body()} gives the runtime's bytes while the handler still writes;
 * {@link #result()} tells, after the end, how the invocation ended.
 *
 * <pre>{@code
 * try (StreamingInvocation invocation = lambda.invokeStreaming("{}")) {
 *   invocation.body().transferTo(out);                 // each chunk as the function writes it
 *   InvokeResult end = invocation.result();            // success, or the error from the stream's trailers
 * }
 * }</pre>
 *
 * <p>Between the runtime and this reader the server holds at most a 64 KiB ring: a reader that does not read
 * holds the runtime back (as a slow caller does on Lambda), never the server's memory. A response the runtime did
 * not stream (a buffered {@code /response}, or an {@code /error}) reads as one piece. Not thread-safe; one reader.
 */
public final class StreamingInvocation implements AutoCloseable {

  private final PendingInvocation invocation;
  private final ResponsePipe pipe;
  private final InputStream body;

  StreamingInvocation(PendingInvocation invocation) {
    this.invocation = invocation;
    this.pipe = invocation.pipe;
    this.body = new InputStream() {
      @Override
      public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        int n;
        do {
          n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws InterruptedIOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        try {
          return pipe.read(bytes, offset, length);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading a streamed response");
        }
      }

      @Override
      public void close() {
        StreamingInvocation.this.close();
      }
    };
  }

  /** Waits until the response starts (the runtime streams, or answers otherwise). */
  static StreamingInvocation started(PendingInvocation invocation) throws InterruptedException, TimeoutException {
    invocation.pipe.awaitStart();
    return new StreamingInvocation(invocation);
  }

  /** The invocation's {@code Lambda-Runtime-Aws-Request-Id}. */
  public String requestId() {
    return invocation.requestId;
  }

  /** The content type the runtime posted its response with, or null when it sent none. */
  public String contentType() {
    return pipe.contentType();
  }

  /** True when the runtime streamed its response; false when it answered with one buffered post. */
  public boolean streamed() {
    return pipe.started();
  }

  /**
   * The response's bytes as they arrive: a read waits only when nothing has arrived, and gives -1 after the last
   * byte, however the stream ended (see {@link #result()}). For an invocation that failed before its first byte,
   * the body is the error JSON. Always the same stream.
   */
  public InputStream body() {
    return body;
  }

  /**
   * Waits for the end of the response and tells how it ended; body bytes not read yet are dropped. On success
   * the result's body is empty when the response was streamed (its bytes went through {@link #body()}) and the
   * response otherwise; on an error (trailers, {@code /error}, {@code Sandbox.Timedout},
   * {@code Runtime.StreamAborted}, {@code Function.ResponseSizeTooLarge}) it is the error JSON.
   *
   * @throws TimeoutException no answer within the invoke timeout
   * @throws IllegalStateException the local Lambda closed first
   */
  public InvokeResult result() throws InterruptedException, TimeoutException {
    return pipe.result();
  }

  /** Stops reading: the runtime's further bytes are dropped, and the invocation goes on to its end unread. */
  @Override
  public void close() {
    pipe.closeReader();
  }

  /** Shows the request id, not the content. */
  @Override
  public String toString() {
    return "StreamingInvocation[requestId=" + invocation.requestId + "]";
  }
}
