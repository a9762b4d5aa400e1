package dev.lambdaguice.runtime.local;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A fake runtime on one raw socket that streams its responses exactly as the Runtime API protocol says: a
 * {@code /response} post with {@code Lambda-Runtime-Function-Response-Mode: streaming}, {@code Transfer-Encoding:
 * chunked} and the declared error trailers; each chunk is flushed as it is written. Tests drive it step by step.
 */
final class StreamingFakeRuntime implements Closeable {

  private final RawHttp http;

  StreamingFakeRuntime(LocalLambda lambda) throws IOException {
    this(lambda.port());
  }

  /** A runtime of the local Lambda on {@code port}, as {@code AWS_LAMBDA_RUNTIME_API} names it. */
  StreamingFakeRuntime(int port) throws IOException {
    this.http = new RawHttp(port);
  }

  /** Calls {@code /next} and returns the invocation's request id. */
  String next() throws IOException {
    RawHttp.Response next = http.get("/2018-06-01/runtime/invocation/next");
    if (next.status() != 200) {
      throw new IOException("/next answered " + next.status());
    }
    return next.header("Lambda-Runtime-Aws-Request-Id");
  }

  /** Posts a buffered {@code /response}. */
  RawHttp.Response respond(String requestId, String body) throws IOException {
    return http.post(path(requestId), body, "Content-Type: text/plain");
  }

  /** Starts a streamed {@code /response} with this content type. */
  Stream stream(String requestId, String contentType) throws IOException {
    http.send("POST " + path(requestId) + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + "Lambda-Runtime-Function-Response-Mode: streaming\r\n"
        + "Transfer-Encoding: chunked\r\n"
        + "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n\r\n", new byte[0]);
    return new Stream();
  }

  /** One streamed response being written. */
  final class Stream {
    private Stream() {}

    /** Writes one chunk and flushes it. */
    void write(String text) throws IOException {
      write(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Writes the first {@code length} bytes of {@code bytes} as one chunk and flushes it. */
    void write(byte[] bytes, int length) throws IOException {
      http.send(Integer.toHexString(length) + "\r\n", bytes, length);
      http.send("\r\n", new byte[0]);
    }

    /** Ends the stream with the last chunk and reads the server's answer. */
    RawHttp.Response end() throws IOException {
      http.send("0\r\n\r\n", new byte[0]);
      return http.read();
    }

    /** Ends the stream with the error trailers, as a runtime does for a failure after its first byte. */
    RawHttp.Response fail(String errorType, String errorJson) throws IOException {
      http.send("0\r\nLambda-Runtime-Function-Error-Type: " + errorType + "\r\nLambda-Runtime-Function-Error-Body: "
          + Base64.getEncoder().encodeToString(errorJson.getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n",
          new byte[0]);
      return http.read();
    }

    /** Closes the connection in the middle of the stream, as a runtime that dies does. */
    void abort() throws IOException {
      http.close();
    }
  }

  private static String path(String requestId) {
    return "/2018-06-01/runtime/invocation/" + requestId + "/response";
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
