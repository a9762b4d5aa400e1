package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.*;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A client for the Lambda Runtime API at {@code http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01}.
 *
 * <p>It speaks HTTP/1.1 over one kept-alive connection (which a {@link StreamedResponse} holds from
 * {@link #streamResponse} to its end) on a blocking JDK socket with {@code TCP_NODELAY}, and has
 * no thread of its own: nothing runs between calls. {@link #next()} has no read timeout (it is a long poll);
 * connecting times out after {@link #CONNECT_TIMEOUT_MS}. Posts return the platform's answer as a
 * {@link PostResult}; a 500 from any endpoint is thrown as {@link ContainerErrorException}, an answer that is not
 * HTTP the client can read as {@link RuntimeApiProtocolException}, and a refused or reset connection as an
 * {@link IOException}.
 *
 * <p>A request is never sent twice. A kept-alive connection that was idle for more than a millisecond (a handler
 * ran) is checked for a close by the server before the next request is written, and replaced if it was closed;
 * once a request was written, a failure is thrown, not retried, because a
 * retried post could answer one invocation twice (a failed call means the platform is in trouble, and the runtime
 * exits so Lambda replaces it). The exception is a streamed response whose connection breaks mid-stream (the
 * caller went away): that throws {@link BrokenStreamException}, the connection is dropped, and the next call opens
 * a new one.
 *
 * <p>Calls are serialized on the one connection (the methods, and a stream's, are synchronized on the client;
 * while a stream is open the other calls throw {@link IllegalStateException}): a process that polls concurrently
 * gives each poller a client of its own. The client logs nothing (and never the payloads).
 */
public final class RuntimeApiClient implements AutoCloseable {

  /** Connect timeout for every call; the Runtime API is local to the execution environment. */
  public static final int CONNECT_TIMEOUT_MS = 2_000;
  /** The most bytes an answer's status line and headers may take. */
  public static final int MAX_HEADER_BYTES = 256 * 1024;
  /** The largest event {@link #next()} accepts: well above Lambda's 6 MB payload limit. */
  public static final int MAX_EVENT_BYTES = 32 * 1024 * 1024;
  /** The largest body of any other answer (the platform's error JSON). */
  static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private static final String JSON = "application/json";
  private static final String OCTET_STREAM = "application/octet-stream";
  private static final String USER_AGENT = "lambda-guice";
  private static final byte[] POST_INVOCATION = ascii("POST /2018-06-01/runtime/invocation/");

  private final RuntimeApiConnection connection;
  private final byte[] nextRequest;
  private final byte[] responseLine;
  private final byte[] errorLine;
  private final byte[] initErrorRequest;
  private final byte[] restoreNextRequest;
  private final byte[] restoreErrorRequest;
  private byte[] chunkBuffer; // one per client, reused by its streams (one at a time)

  /**
   * @param runtimeApi the {@code host:port} from {@code AWS_LAMBDA_RUNTIME_API}
   * @throws IllegalArgumentException if it is not a usable {@code host:port}
   */
  public RuntimeApiClient(String runtimeApi) {
    HostPort address = HostPort.parse(Objects.requireNonNull(runtimeApi, "runtimeApi"));
    String fixedHeaders = "Host: " + address.hostHeader() + "\r\nUser-Agent: " + USER_AGENT + "\r\n";
    this.nextRequest = ascii("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n" + fixedHeaders);
    this.responseLine = ascii("/response HTTP/1.1\r\n" + fixedHeaders);
    this.errorLine = ascii("/error HTTP/1.1\r\n" + fixedHeaders);
    this.initErrorRequest = ascii("POST /2018-06-01/runtime/init/error HTTP/1.1\r\n" + fixedHeaders);
    this.restoreNextRequest = ascii("GET /2018-06-01/runtime/restore/next HTTP/1.1\r\n" + fixedHeaders);
    this.restoreErrorRequest = ascii("POST /2018-06-01/runtime/restore/error HTTP/1.1\r\n" + fixedHeaders);
    this.connection = new RuntimeApiConnection(address.host(), address.port(), CONNECT_TIMEOUT_MS, MAX_HEADER_BYTES);
  }

  /**
   * Blocks until the platform hands out the next invocation.
   *
   * @throws InvalidInvocationException the headers do not describe a usable invocation, or its event cannot be
   *     read (over {@link #MAX_EVENT_BYTES}, malformed chunks); carries the ids when the platform sent them
   * @throws ContainerErrorException the platform answered 500
   * @throws IOException the connection was refused or reset, or the platform answered another non-200 status
   */
  public synchronized Invocation next() throws IOException {
    try {
      Http1Codec http = connection.open();
      http.start(nextRequest);
      http.send();
      Http1Head head = http.readHead();
      if (head.status() != 200) {
        throw unexpected("GET /runtime/invocation/next", head, http);
      }
      ResponseHeaders headers = head.headers();
      String requestId = headers.get(REQUEST_ID);
      String invocationId = headers.get(INVOCATION_ID);
      byte[] payload;
      try {
        payload = http.readBody(head, MAX_EVENT_BYTES, "event");
      } catch (RuntimeApiProtocolException e) {
        throw new InvalidInvocationException("/next answered with an event the client cannot read: "
            + e.getMessage(), blankToNull(requestId), invocationId);
      }
      if (requestId == null || requestId.isBlank()) {
        throw new InvalidInvocationException(
            "/next answered without a " + REQUEST_ID + " header", null, invocationId);
      }
      String deadline = headers.get(DEADLINE_MS);
      long deadlineMs;
      try {
        deadlineMs = Long.parseLong(Objects.requireNonNull(deadline, "missing").trim());
      } catch (RuntimeException e) {
        throw new InvalidInvocationException(
            "/next answered with " + (deadline == null ? "no " + DEADLINE_MS + " header"
                : "a " + DEADLINE_MS + " header that is not epoch milliseconds: '" + deadline + "'"),
            requestId, invocationId);
      }
      return new Invocation(requestId, deadlineMs, headers.get(FUNCTION_ARN), headers.get(TRACE_ID),
          headers.get(CLIENT_CONTEXT), headers.get(COGNITO_IDENTITY), headers.get(TENANT_ID), invocationId, payload);
    } finally {
      connection.release();
    }
  }

  /**
   * Posts the invocation's response.
   *
   * @param invocationId the invocation's {@code Lambda-Runtime-Invocation-Id}, echoed back; may be null
   * @param contentType the body's media type, for example {@code application/json}; null means JSON
   */
  public PostResult respond(String requestId, String invocationId, byte[] body, String contentType)
      throws IOException {
    return respond(requestId, invocationId, body, body.length, contentType);
  }

  /**
   * Posts the first {@code length} bytes of {@code body} as the invocation's response; {@code body} is not kept
   * after this returns, so the caller may reuse it. Header values (the invocation id, the content type) are sent
   * with control characters replaced by spaces, so none can add a header.
   */
  public synchronized PostResult respond(String requestId, String invocationId, byte[] body, int length,
      String contentType) throws IOException {
    Objects.checkFromIndexSize(0, length, body.length);
    try {
      Http1Codec http = invocationPost(requestId, responseLine);
      http.header("Content-Type", contentType == null ? JSON : contentType);
      if (invocationId != null) {
        http.header(INVOCATION_ID, invocationId);
      }
      http.send(body, 0, length);
      return answer(http, requestId, "response");
    } finally {
      connection.release();
    }
  }

  /**
   * Starts the invocation's response as a stream ({@code Lambda-Runtime-Function-Response-Mode: streaming},
   * {@code Transfer-Encoding: chunked}, the error trailers declared). Nothing is sent until the stream's first
   * chunk; until the stream ends, this client's other calls throw {@link IllegalStateException}.
   *
   * @param invocationId the invocation's {@code Lambda-Runtime-Invocation-Id}, echoed back; may be null
   * @param contentType the body's media type; null means {@code application/octet-stream}
   */
  public synchronized StreamedResponse streamResponse(String requestId, String invocationId, String contentType)
      throws IOException {
    boolean streaming = false;
    try {
      Http1Codec http = invocationPost(requestId, responseLine);
      http.header(RuntimeApiHeaders.RESPONSE_MODE, "streaming");
      http.header("Content-Type", contentType == null ? OCTET_STREAM : contentType);
      if (invocationId != null) {
        http.header(INVOCATION_ID, invocationId);
      }
      http.startChunked(StreamedResponse.ERROR_TYPE_TRAILER + ", " + StreamedResponse.ERROR_BODY_TRAILER);
      if (chunkBuffer == null) {
        chunkBuffer = new byte[StreamedResponse.CHUNK_BYTES];
      }
      StreamedResponse stream = new StreamedResponse(this, connection, http, requestId, chunkBuffer);
      connection.startStream();
      streaming = true;
      return stream;
    } finally {
      if (!streaming) {
        connection.release();
      }
    }
  }

  /**
   * Posts the invocation's error.
   *
   * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header: the platform keeps {@code Runtime.Xxx}
   *     and {@code Function.Xxx} values and reports anything else as {@code Runtime.Unknown}
   * @param xrayErrorCause the X-Ray error cause JSON (see {@link XRayErrorCause}), or null
   */
  public synchronized PostResult error(String requestId, String invocationId, String errorType, ErrorReport report,
      String xrayErrorCause) throws IOException {
    byte[] body = json(report).getBytes(StandardCharsets.UTF_8);
    try {
      Http1Codec http = invocationPost(requestId, errorLine);
      errorHeaders(http, errorType, xrayErrorCause);
      if (invocationId != null) {
        http.header(INVOCATION_ID, invocationId);
      }
      http.send(body, 0, body.length);
      return answer(http, requestId, "error");
    } finally {
      connection.release();
    }
  }

  /** Posts an initialization error; the runtime exits non-zero afterwards. */
  public synchronized PostResult initError(String errorType, ErrorReport report) throws IOException {
    return postPhaseError(initErrorRequest, errorType, report, "init/error");
  }

  /**
   * SnapStart: tells Lambda that the runtime is ready for its snapshot, and blocks until the process has been
   * restored from it. Like {@link #next()} it has no read timeout: the answer comes after the restore, which may be
   * much later. The connection it used was open while the snapshot was taken; {@link #close()} it afterwards, so
   * that {@code /next} goes out on a fresh one.
   *
   * @throws ContainerErrorException the platform answered 500
   * @throws IOException the connection was refused or reset, or the platform answered another status than 200 (a
   *     403 when the function does not use SnapStart, or the call comes at the wrong time)
   */
  public synchronized void restoreNext() throws IOException {
    try {
      Http1Codec http = connection.open();
      http.start(restoreNextRequest);
      http.send();
      Http1Head head = http.readHead();
      if (head.status() != 200) {
        throw unexpected("GET /runtime/restore/next", head, http);
      }
      http.readBody(head, MAX_ANSWER_BYTES, "answer");
    } finally {
      connection.release();
    }
  }

  /** SnapStart: posts the error of a failed restore (an after-restore hook threw); the runtime exits afterwards. */
  public synchronized PostResult restoreError(String errorType, ErrorReport report) throws IOException {
    return postPhaseError(restoreErrorRequest, errorType, report, "restore/error");
  }

  /** Posts the error of a phase (init, restore) to the endpoint whose request line and fixed headers are given. */
  private PostResult postPhaseError(byte[] request, String errorType, ErrorReport report, String what)
      throws IOException {
    byte[] body = json(report).getBytes(StandardCharsets.UTF_8);
    try {
      Http1Codec http = connection.open();
      http.start(request);
      errorHeaders(http, errorType, null);
      http.send(body, 0, body.length);
      return answer(http, null, what);
    } finally {
      connection.release();
    }
  }

  /** Closes the connection; a later call opens a new one. */
  @Override
  public synchronized void close() {
    connection.close();
  }

  /** {@code {"errorType":...,"errorMessage":...,"stackTrace":[...]}}, without HTML escaping. */
  static String json(ErrorReport report) {
    StringWriter out = new StringWriter();
    try (JsonWriter json = new JsonWriter(out)) {
      json.beginObject()
          .name("errorType").value(report.errorType())
          .name("errorMessage").value(report.errorMessage())
          .name("stackTrace").beginArray();
      for (String frame : report.stackTrace()) {
        json.value(frame);
      }
      json.endArray().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private Http1Codec invocationPost(String requestId, byte[] action) throws IOException {
    Http1Codec http = connection.open();
    http.start(POST_INVOCATION);
    http.putPathSegment(requestId);
    http.putAscii(action);
    return http;
  }

  private static void errorHeaders(Http1Codec http, String errorType, String xrayErrorCause) throws IOException {
    http.header("Content-Type", JSON);
    http.header(ERROR_TYPE, headerSafe(errorType));
    if (xrayErrorCause != null
        && xrayErrorCause.getBytes(StandardCharsets.UTF_8).length <= XRayErrorCause.MAX_BYTES) { // bytes, not chars
      http.header(XRAY_ERROR_CAUSE, xrayErrorCause);
    }
  }

  /** Header values must be printable ASCII; anything else becomes '_'. */
  static String headerSafe(String value) {
    if (value == null || value.isEmpty()) {
      return "Runtime.Unknown";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '_');
    }
    return out.toString();
  }

  /**
   * Reads a post's answer: a {@link PostResult}, or the exception for a 5xx, naming the post's path (the request
   * id percent-encoded as sent).
   */
  static PostResult answer(Http1Codec http, String requestId, String action) throws IOException {
    Http1Head head = http.readHead();
    if (head.status() >= 500) {
      String path = requestId == null ? "/2018-06-01/runtime/" + action
          : "/2018-06-01/runtime/invocation/" + Http1Codec.pathSegment(requestId) + "/" + action;
      throw unexpected("POST " + path, head, http);
    }
    return new PostResult(head.status(), text(http.readBody(head, MAX_ANSWER_BYTES, "answer")));
  }

  static IOException unexpected(String call, Http1Head head, Http1Codec http) throws IOException {
    String body = text(http.readBody(head, MAX_ANSWER_BYTES, "answer"));
    String message = call + " answered " + head.status() + (body.isEmpty() ? "" : ": " + abbreviate(body));
    return head.status() == 500 ? new ContainerErrorException(message) : new IOException(message);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    return s.length() <= 512 ? s : s.substring(0, 512) + "...";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
