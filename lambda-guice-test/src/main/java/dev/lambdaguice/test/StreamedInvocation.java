package dev.lambdaguice.test;

import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.StreamingInvocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * One invocation whose response the test reads as it streams, from {@link LambdaClient#invokeStreaming}: read
 * {@link #body()} (or {@link #read(int)}) while the function still writes, then check how it ended with
 * {@link #assertSuccess()} or {@link #assertError(String)}.
 *
 * <pre>{@code
 * try (StreamedInvocation stream = lambda.invokeStreaming("report", "{}")) {
 *   assertEquals("{\"row\":1}\n", stream.read(10));      // the first line, before the function ends
 *   stream.assertSuccess();
 * }
 * }</pre>
 *
 * <p>The kit holds none of the stream: what the test does not read is dropped at the end. Not thread-safe.
 */
public final class StreamedInvocation implements AutoCloseable {

  private final String key;
  private final StreamingInvocation invocation;
  private final Supplier<List<String>> logs;
  private InvokeResult result;

  StreamedInvocation(String key, StreamingInvocation invocation, Supplier<List<String>> logs) {
    this.key = key;
    this.invocation = invocation;
    this.logs = logs;
  }

  /** The handler key invoked. */
  public String key() {
    return key;
  }

  /** The invocation's request id. */
  public String requestId() {
    return invocation.requestId();
  }

  /** The response's content type; null when the runtime sent none. */
  public String contentType() {
    return invocation.contentType();
  }

  /** True when the runtime streamed the response; false when it answered in one piece. */
  public boolean streamed() {
    return invocation.streamed();
  }

  /** The response's bytes as they arrive; -1 after the last one, however the stream ended. */
  public InputStream body() {
    return invocation.body();
  }

  /** Reads the next {@code length} bytes as UTF-8, waiting for them to arrive (fewer at the end of the stream). */
  public String read(int length) {
    try {
      return new String(invocation.body().readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the rest of the response as UTF-8, up to its end. */
  public String readRest() {
    try {
      return new String(invocation.body().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits for the end (unread bytes are dropped) and tells how the invocation ended: its error type and error JSON
   * when the stream failed (trailers, {@code /error}, timeout), success otherwise.
   */
  public InvokeResult result() {
    if (result == null) {
      try {
        result = invocation.result();
      } catch (TimeoutException e) {
        throw new AssertionFailedError("'" + key + "' gave no answer: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionFailedError("interrupted while invoking '" + key + "'", e);
      }
    }
    return result;
  }

  /** Waits for the end and fails the test, naming the error and the log lines, unless the invocation succeeded. */
  public StreamedInvocation assertSuccess() {
    InvokeResult end = result();
    if (end.error()) {
      throw new AssertionFailedError("'" + key + "' failed with " + end.errorType() + ": " + end.errorMessage()
          + logsText());
    }
    return this;
  }

  /** Waits for the end and fails the test unless the invocation ended in an error of this type. */
  public StreamedInvocation assertError(String expectedType) {
    InvokeResult end = result();
    if (!end.error()) {
      throw new AssertionFailedError("'" + key + "' succeeded, expected " + expectedType);
    }
    if (!expectedType.equals(end.errorType())) {
      throw new AssertionFailedError("'" + key + "' failed with " + end.errorType() + " (" + end.errorMessage()
          + "), expected " + expectedType, expectedType, end.errorType());
    }
    return this;
  }

  /** Stops reading: the function's further bytes are dropped, and it runs on to its end. */
  @Override
  public void close() {
    invocation.close();
  }

  @Override
  public String toString() {
    return "StreamedInvocation[" + key + " " + requestId() + "]";
  }

  private String logsText() {
    List<String> lines = logs.get();
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nlog lines:");
    for (String line : lines) {
      text.append("\n  ").append(line.replace("\r", "\n    "));
    }
    return text.toString();
  }
}
