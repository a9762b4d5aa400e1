package dev.lambdaguice.runtime.local;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.ERROR_BODY;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.ERROR_TYPE;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Relays one streamed {@code /response} ({@code Lambda-Runtime-Function-Response-Mode: streaming}, chunked) from
 * the runtime's connection to the invoker, chunk by chunk as it arrives, on the connection's own thread.
 *
 * <p>A streaming invoker reads through the invocation's {@link ResponsePipe}, so the server holds at most its
 * ring; a buffered invoker gets the stream collected, up to the 6 MiB of a buffered response, as Lambda's
 * {@code Invoke} of a streaming function does. The end decides the result: the last chunk alone is a success;
 * trailers {@code Lambda-Runtime-Function-Error-Type} and {@code Lambda-Runtime-Function-Error-Body} (base64 of
 * the error JSON) are the invocation's error; a connection closed before the last chunk is
 * {@value #STREAM_ABORTED}; past {@value #MAX_STREAMED_BYTES} bytes the server cuts the stream off with
 * {@code Function.ResponseSizeTooLarge}.
 */
final class StreamRelay {

  /** Lambda's limit for a streamed response: 200 MiB. */
  static final long MAX_STREAMED_BYTES = 200L * 1024 * 1024;

  /** The error type of a stream whose runtime closed the connection before its last chunk. */
  static final String STREAM_ABORTED = "Runtime.StreamAborted";

  private static final String TOO_LARGE = "Function.ResponseSizeTooLarge";
  private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

  private final Invocations invocations;

  StreamRelay(Invocations invocations) {
    this.invocations = invocations;
  }

  /** Relays the streamed response of {@code requestId}; false to close the connection. */
  boolean relay(String requestId, HttpRequest request, HttpConnection connection) throws IOException {
    HttpConnection.ChunkedBody body = connection.chunkedBody();
    PendingInvocation invocation = invocations.startStream(requestId);
    if (invocation == null) {
      boolean answered = invocations.wasAnswered(requestId);
      boolean drained = drain(body);
      HttpResponse refusal = answered
          ? HttpResponse.json(403, ErrorJson.of("InvalidStateTransition",
              "invocation " + requestId + " was already answered"))
          : HttpResponse.json(400, ErrorJson.of("InvalidRequestID",
              "invocation " + requestId + " is not in progress"));
      if (!drained) {
        connection.writeAndClose(refusal);
        return false;
      }
      connection.write(refusal);
      return true;
    }
    String contentType = request.header("Content-Type");
    ResponsePipe pipe = invocation.pipe;
    ByteArrayOutputStream collected = pipe == null ? new ByteArrayOutputStream() : null;
    if (pipe != null) {
      pipe.start(contentType);
    }
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    boolean collecting = true;
    while (true) {
      int n;
      try {
        n = body.read(buffer, 0, buffer.length);
      } catch (IOException e) { // closed or reset, or broken chunked framing: the stream cannot go on
        invocations.completeStream(invocation, error(requestId, STREAM_ABORTED, "the runtime's connection "
            + (e instanceof EOFException ? "closed" : "failed") + " after " + total
            + " bytes, before the stream's last chunk"));
        return false;
      }
      if (n < 0) {
        break;
      }
      total += n;
      if (total > MAX_STREAMED_BYTES) {
        invocations.completeStream(invocation, error(requestId, TOO_LARGE, "Response payload size exceeded"
            + " maximum allowed payload size (" + MAX_STREAMED_BYTES + " bytes)."));
        connection.writeAndClose(HttpResponse.json(413, ErrorJson.of("RequestEntityTooLarge",
            "the streamed response is over " + MAX_STREAMED_BYTES + " bytes: cut off")));
        return false;
      }
      if (pipe != null) {
        try {
          pipe.write(buffer, 0, n);
        } catch (IOException e) { // the deadline passed, or the server closes: the sandbox would be gone
          return false;
        }
      } else if (invocation.result.isDone()) { // the deadline passed, or the server closes
        return false;
      } else if (collecting) {
        if (total > RuntimeApiHandler.MAX_RESPONSE_BYTES) {
          collecting = false;
          collected = null;
        } else {
          collected.write(buffer, 0, n);
        }
      }
    }
    InvokeResult result;
    String errorType = body.trailers().get(ERROR_TYPE);
    if (errorType != null) {
      result = InvokeResult.failure(requestId, errorType, "application/json",
          errorBody(body.trailers().get(ERROR_BODY), errorType));
    } else if (!collecting) {
      result = error(requestId, TOO_LARGE, "Response payload size exceeded maximum allowed payload size ("
          + RuntimeApiHandler.MAX_RESPONSE_BYTES + " bytes).");
    } else {
      result = InvokeResult.response(requestId, contentType,
          collected != null ? collected.toByteArray() : new byte[0]);
    }
    if (!invocations.completeStream(invocation, result)) {
      connection.write(HttpResponse.json(410, ErrorJson.of("Gone",
          "invocation " + requestId + " ended before its stream did (timed out)")));
      return true;
    }
    connection.write(HttpResponse.json(202, ACCEPTED));
    return true;
  }

  /** The error JSON from the base64 trailer; a JSON of the type alone when it is missing or not base64. */
  private static byte[] errorBody(String base64, String errorType) {
    if (base64 != null) {
      try {
        return Base64.getDecoder().decode(base64.trim());
      } catch (IllegalArgumentException e) {
        // fall through: a runtime bug, reported as the type alone
      }
    }
    return ErrorJson.of(errorType, "the stream failed after its first bytes (no "
        + ERROR_BODY + " trailer, or not base64)");
  }

  private static InvokeResult error(String requestId, String errorType, String message) {
    return InvokeResult.failure(requestId, errorType, "application/json", ErrorJson.of(errorType, message));
  }

  /**
   * Reads a refused stream to its end, so that the runtime reads the refusal and the connection serves its next
   * request; false when it goes past the streaming limit (the connection is then closed).
   */
  private static boolean drain(HttpConnection.ChunkedBody body) throws IOException {
    byte[] buffer = new byte[8 * 1024];
    long total = 0;
    for (int n; (n = body.read(buffer, 0, buffer.length)) >= 0; ) {
      total += n;
      if (total > MAX_STREAMED_BYTES) {
        return false;
      }
    }
    return true;
  }
}
