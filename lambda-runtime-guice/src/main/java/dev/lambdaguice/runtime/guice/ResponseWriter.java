package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Turns a handler's result into response bytes: JSON by the injector's Gson, or a {@link RawResponse} as is. JSON
 * is written into one buffer reused from invocation to invocation: each poll loop has its own writer and serves one
 * invocation at a time, and the client does not keep the bytes after posting them.
 */
final class ResponseWriter {

  static final String JSON = "application/json";
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  /** A buffer grown past this by one large result is dropped after it, so it does not stay in memory. */
  static final int MAX_KEPT_BYTES = 1 << 20;

  /** What is posted to {@code /response}: the first {@code length} bytes of {@code body}. */
  record Response(byte[] body, int length, String contentType) implements Answer {}

  private final Gson gson;
  private Buffer buffer;
  private Writer out; // encodes into buffer; made once per buffer, as each encoder holds an 8 KiB buffer of its own


  ResponseWriter(Gson gson) {
    this.gson = gson;
    newBuffer();
  }

  /** The injector's Gson, which also writes a stream's JSON lines. */
  Gson gson() {
    return gson;
  }

  /** The response for {@code result}; valid until the next call. */
  Response write(Object result) {
    if (result instanceof RawResponse raw) {
      return new Response(raw.body(), raw.body().length, raw.contentType());
    }
    if (result == null) {
      return new Response(NULL, NULL.length, JSON);
    }
    if (buffer.capacity() > MAX_KEPT_BYTES) {
      newBuffer();
    }
    buffer.reset();
    try {
      gson.toJson(result, out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    } catch (RuntimeException | Error e) {
      newBuffer(); // the encoder may hold half a character of the failed result
      throw e;
    }
    return new Response(buffer.array(), buffer.size(), JSON);
  }

  private void newBuffer() {
    buffer = new Buffer();
    out = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
  }

  /** A byte buffer whose array is read in place. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(8192);
    }

    byte[] array() {
      return buf;
    }

    int capacity() {
      return buf.length;
    }
  }
}
