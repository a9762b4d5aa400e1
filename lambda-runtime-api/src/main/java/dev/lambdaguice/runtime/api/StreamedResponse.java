package dev.lambdaguice.runtime.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * An invocation's response streamed to the Runtime API ({@code Lambda-Runtime-Function-Response-Mode: streaming}):
 * one {@code POST /response} whose body goes out in HTTP/1.1 chunks while it is written. Made by
 * {@link RuntimeApiClient#streamResponse}; it holds the client's connection until it ends with exactly one of
 * {@link #complete()}, {@link #fail} or {@link #abandon()}, and the client refuses other calls until then.
 *
 * <p>Writes go into one chunk buffer of {@link #CHUNK_BYTES} bytes; a full buffer or {@link #flush()} sends a chunk
 * at once, and a write at least that large goes out at once in chunks of that size (without a copy into the
 * buffer), so nothing is held back beyond that buffer and the stream's memory does not
 * grow with its size. The request's head is sent with the first chunk (or at the end): until then
 * {@link #started()} is false and {@link #abandon()} can still drop the post, leaving the invocation to a normal
 * {@code /error}. A failure after the first byte is reported in the trailers
 * {@code Lambda-Runtime-Function-Error-Type} and {@code Lambda-Runtime-Function-Error-Body} (the base64 of the
 * error JSON), as the platform documents.
 *
 * <p>If the connection breaks mid-stream (the caller went away, the platform closed it), the call throws
 * {@link BrokenStreamException}, the connection is dropped and the stream is over: later writes throw the same kind,
 * and the client's next call opens a new connection. Calls are serialized with the client's (same lock); the stream
 * is meant for the one thread serving the invocation.
 */
public final class StreamedResponse {

  /** The chunk buffer's size, and the largest chunk sent. */
  public static final int CHUNK_BYTES = 32 * 1024;
  /** The trailer carrying the error type of a failure after the first byte. */
  public static final String ERROR_TYPE_TRAILER = RuntimeApiHeaders.ERROR_TYPE;
  /** The trailer carrying the base64 of the error JSON of a failure after the first byte. */
  public static final String ERROR_BODY_TRAILER = RuntimeApiHeaders.ERROR_BODY;

  private enum State { OPEN, ENDED, BROKEN }

  private final RuntimeApiClient lock;
  private final RuntimeApiConnection connection;
  private final Http1Codec http;
  private final String requestId;
  private final byte[] buffer;
  private int count;
  private long bytesSent;
  private boolean started;
  private State state = State.OPEN;

  StreamedResponse(RuntimeApiClient lock, RuntimeApiConnection connection, Http1Codec http, String requestId,
      byte[] buffer) {
    this.lock = lock;
    this.connection = connection;
    this.http = http;
    this.requestId = requestId;
    this.buffer = buffer;
  }

  /** Writes one byte. */
  public void write(int b) throws IOException {
    synchronized (lock) {
      checkOpen();
      if (count == buffer.length) {
        sendBuffer();
      }
      buffer[count++] = (byte) b;
    }
  }

  /** Writes {@code length} bytes of {@code bytes}; they are not kept after this returns. */
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    synchronized (lock) {
      checkOpen();
      if (length >= buffer.length) {
        sendBuffer();
        // in buffer-sized chunks: each chunk's size line, bytes and CRLF then leave in one socket write
        for (int at = 0; at < length; at += buffer.length) {
          send(bytes, offset + at, Math.min(buffer.length, length - at));
        }
      } else {
        if (length > buffer.length - count) {
          sendBuffer();
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
      }
    }
  }

  /** Sends what was written so far as a chunk now (and the head, if not yet sent); nothing when nothing is buffered. */
  public void flush() throws IOException {
    synchronized (lock) {
      checkOpen();
      sendBuffer();
    }
  }

  /**
   * Ends the stream: sends what is buffered and the last chunk, and reads the platform's answer (202 when
   * accepted).
   *
   * @throws ContainerErrorException the platform answered 500
   * @throws BrokenStreamException the connection broke before the answer was read
   */
  public PostResult complete() throws IOException {
    synchronized (lock) {
      checkOpen();
      return end(null, null);
    }
  }

  /**
   * Ends the stream with an error after its first byte: sends what is buffered, the last chunk and the two error
   * trailers, and reads the platform's answer.
   *
   * @param errorType the error type trailer (as {@link RuntimeApiClient#error}'s header; control characters become
   *     '_')
   * @param report encoded as {@code {"errorType":..,"errorMessage":..,"stackTrace":[..]}}, then base64
   */
  public PostResult fail(String errorType, ErrorReport report) throws IOException {
    Objects.requireNonNull(report, "report");
    synchronized (lock) {
      checkOpen();
      String body = Base64.getEncoder().encodeToString(
          RuntimeApiClient.json(report).getBytes(StandardCharsets.UTF_8));
      return end(RuntimeApiClient.headerSafe(errorType), body);
    }
  }

  /**
   * Drops a stream of which nothing was sent ({@link #started()} is false): no request went out, the connection
   * stays usable, and the invocation can be answered with {@link RuntimeApiClient#error}. Buffered bytes are
   * discarded. Does nothing on a stream that already ended or broke.
   *
   * @throws IllegalStateException bytes were already sent: end the stream with {@link #fail} instead
   */
  public void abandon() {
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
      if (http.written()) {
        throw new IllegalStateException("The stream of " + requestId + " already sent bytes; end it with fail()");
      }
      http.discard();
      count = 0;
      state = State.ENDED;
      connection.endStream();
    }
  }

  /** True once the request's head (and so possibly body bytes) went out on the connection. */
  public boolean started() {
    synchronized (lock) {
      return started;
    }
  }

  /** The body bytes sent so far (without chunk framing); buffered bytes are not counted until sent. */
  public long bytesSent() {
    synchronized (lock) {
      return bytesSent;
    }
  }

  /** True when the stream ended (completed, failed or abandoned) or broke. */
  public boolean ended() {
    synchronized (lock) {
      return state != State.OPEN;
    }
  }

  private PostResult end(String errorType, String errorBody) throws IOException {
    try {
      sendBuffer();
      started = true;
      if (errorType == null) {
        http.lastChunk();
      } else {
        http.lastChunk(ERROR_TYPE_TRAILER, errorType, ERROR_BODY_TRAILER, errorBody);
      }
      state = State.ENDED;
      connection.endStream();
      return RuntimeApiClient.answer(http, requestId, "response");
    } catch (ContainerErrorException | RuntimeApiProtocolException e) {
      throw e;
    } catch (BrokenStreamException e) {
      throw e;
    } catch (IOException e) {
      throw broken(e);
    } finally {
      if (state == State.OPEN) {
        state = State.BROKEN;
      }
      connection.endStream();
      connection.release(); // keeps the connection only if the answer was read whole
    }
  }

  private void sendBuffer() throws IOException {
    if (count > 0) {
      int n = count;
      count = 0;
      send(buffer, 0, n);
    }
  }

  private void send(byte[] bytes, int offset, int length) throws IOException {
    started = true;
    try {
      http.chunk(bytes, offset, length);
      bytesSent += length;
    } catch (IOException e) {
      state = State.BROKEN;
      connection.endStream();
      connection.release(); // the exchange is unfinished: closes the connection
      throw broken(e);
    }
  }

  private BrokenStreamException broken(IOException e) {
    state = State.BROKEN;
    return new BrokenStreamException("The connection carrying the streamed response of " + requestId
        + " broke after " + bytesSent + " bytes: " + e, e);
  }

  private void checkOpen() throws IOException {
    if (state == State.BROKEN) {
      throw new BrokenStreamException("The streamed response of " + requestId + " broke earlier", null);
    }
    if (state == State.ENDED) {
      throw new IllegalStateException("The streamed response of " + requestId + " has ended");
    }
  }
}
