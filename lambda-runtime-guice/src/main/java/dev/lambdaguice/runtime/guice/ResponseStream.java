package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.gson.stream.JsonWriter;
import dev.lambdaguice.runtime.api.BrokenStreamException;
import dev.lambdaguice.runtime.api.PostResult;
import dev.lambdaguice.runtime.api.StreamedResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link StreamingHandler} writes its response. Bytes go into one small chunk buffer
 * ({@link StreamedResponse#CHUNK_BYTES}) and from there straight to the Runtime API as HTTP chunks: a full buffer
 * or {@link #flush()} sends them at once, so the caller sees them while the handler runs, and the runtime holds no
 * copy of the stream.
 *
 * <p>Invariants: the content type ({@link #contentType}, or the function URL prelude of {@link #httpResponse}) is
 * fixed before the first byte; the stream carries at most {@link #MAX_BYTES} bytes, and a write past that throws
 * and ends the invocation with the error {@code Runtime.ResponseStreamTooLarge}; a write after the caller went away
 * throws {@link dev.lambdaguice.runtime.api.BrokenStreamException}. {@link #close()} does nothing: the runtime ends
 * the stream when the handler returns. One invocation's thread writes to it.
 */
public final class ResponseStream extends OutputStream {

  /** The most bytes a streamed response may carry, as Lambda documents: 200 MiB. */
  public static final long MAX_BYTES = 200L * 1024 * 1024;
  /** The content type unless {@link #contentType} or {@link #httpResponse} sets another. */
  public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
  /** The content type of a function URL response that starts with the status and headers prelude. */
  public static final String HTTP_INTEGRATION_CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";

  private static final byte[] PRELUDE_END = new byte[8];
  private static final byte[] NEWLINE = {'\n'};

  /** Opens the invocation's stream with its content type; null for a stream that discards (priming). */
  @FunctionalInterface
  interface Opener {
    StreamedResponse open(String contentType) throws IOException;
  }

  private final Opener opener;
  private final Gson gson;
  private StreamedResponse stream;
  private String contentType = DEFAULT_CONTENT_TYPE;
  private long written;
  private boolean tooLarge;
  private BrokenStreamException brokenBy;

  ResponseStream(Opener opener, Gson gson) {
    this.opener = opener;
    this.gson = gson;
  }

  /**
   * Sets the response's content type; only before the first byte.
   *
   * @throws IllegalStateException bytes were already written
   */
  public ResponseStream contentType(String contentType) {
    Objects.requireNonNull(contentType, "contentType");
    if (written > 0) {
      throw new IllegalStateException("The content type must be set before the first byte of the response");
    }
    this.contentType = contentType;
    return this;
  }

  /**
   * Starts a function URL response: sets the content type to {@value #HTTP_INTEGRATION_CONTENT_TYPE} and writes the
   * prelude Lambda documents for it, {@code {"statusCode":..,"headers":{..},"cookies":[..]}} and 8 NUL bytes; the
   * body follows with the next writes. Call it once, before any other byte.
   *
   * @param headers response headers (no {@code Set-Cookie}: cookies go in {@code cookies}); may be empty
   * @param cookies {@code Set-Cookie} values; may be empty
   * @throws IllegalStateException bytes were already written
   */
  public ResponseStream httpResponse(int statusCode, Map<String, String> headers, List<String> cookies)
      throws IOException {
    contentType(HTTP_INTEGRATION_CONTENT_TYPE);
    StringWriter text = new StringWriter();
    try (JsonWriter json = new JsonWriter(text)) {
      json.setHtmlSafe(false);
      json.beginObject().name("statusCode").value(statusCode).name("headers").beginObject();
      for (Map.Entry<String, String> header : headers.entrySet()) {
        json.name(header.getKey()).value(header.getValue());
      }
      json.endObject().name("cookies").beginArray();
      for (String cookie : cookies) {
        json.value(cookie);
      }
      json.endArray().endObject();
    }
    byte[] prelude = text.toString().getBytes(StandardCharsets.UTF_8);
    write(prelude, 0, prelude.length);
    write(PRELUDE_END, 0, PRELUDE_END.length);
    return this;
  }

  @Override
  public void write(int b) throws IOException {
    reserve(1);
    if (stream != null) {
      try {
        stream.write(b);
      } catch (BrokenStreamException e) {
        throw brokenBy = e;
      }
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return;
    }
    reserve(length);
    if (stream != null) {
      try {
        stream.write(bytes, offset, length);
      } catch (BrokenStreamException e) {
        throw brokenBy = e;
      }
    }
  }

  /** Writes {@code text} as UTF-8. */
  public ResponseStream writeText(CharSequence text) throws IOException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    write(bytes, 0, bytes.length);
    return this;
  }

  /**
   * Writes {@code value} as one line of JSON (JSON Lines, {@code application/jsonl}): the injector's Gson writes it,
   * then a newline. Set the content type first if the caller cares.
   */
  public ResponseStream writeJsonLine(Object value) throws IOException {
    writeText(gson.toJson(value));
    write(NEWLINE, 0, 1);
    return this;
  }

  /** Sends what was written so far to the caller now. */
  @Override
  public void flush() throws IOException {
    if (stream != null) {
      try {
        stream.flush();
      } catch (BrokenStreamException e) {
        throw brokenBy = e;
      }
    }
  }

  /** Does nothing: the runtime ends the stream after the handler returns. */
  @Override
  public void close() {
    // the runtime closes the stream
  }

  /** The bytes written so far, the prelude included. */
  public long bytesWritten() {
    return written;
  }

  private void reserve(int length) throws IOException {
    if (tooLarge || written + length > MAX_BYTES) {
      tooLarge = true;
      throw new IOException("The response stream would go over its limit of " + MAX_BYTES
          + " bytes (ResponseStream.MAX_BYTES) after " + written + " bytes");
    }
    if (stream == null && opener != null) {
      stream = opener.open(contentType);
    }
    written += length;
  }

  // ------------------------------------------------------------------------------------------ for the loop

  /** The stream, once the first byte was written; null before. */
  StreamedResponse stream() {
    return stream;
  }

  /** True when a write went over {@link #MAX_BYTES}. */
  boolean tooLarge() {
    return tooLarge;
  }

  /** How the stream's connection broke while the handler wrote, or null. */
  BrokenStreamException brokenBy() {
    return brokenBy;
  }

  /** Ends a stream the handler finished: opens it if nothing was written (an empty body), then completes it. */
  PostResult complete() throws IOException {
    if (stream == null) {
      stream = opener.open(contentType);
    }
    return stream.complete();
  }
}
