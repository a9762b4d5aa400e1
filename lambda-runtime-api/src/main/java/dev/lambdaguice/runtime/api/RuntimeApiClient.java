package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.*;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A client for the Lambda Runtime API at {@code http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01}.
 *
 * <p>One instance serves one process: it keeps a single kept-alive HTTP/1.1 cleartext connection to the platform.
 * {@link #next()} has no read timeout (it is a long poll); connecting times out after {@link #CONNECT_TIMEOUT_MS}.
 * Posts return the platform's answer as a {@link PostResult}; a 500 from any endpoint is thrown as
 * {@link ContainerErrorException}, and a refused or reset connection as an {@link IOException}.
 *
 * <p>Thread-safe; the client logs nothing (and never the payloads).
 */
public final class RuntimeApiClient implements AutoCloseable {

  /** Connect timeout for every call; the Runtime API is local to the execution environment. */
  public static final int CONNECT_TIMEOUT_MS = 2_000;

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final Request next;
  private final HttpUrl invocationBase;
  private final HttpUrl initError;

  /**
   * @param runtimeApi the {@code host:port} from {@code AWS_LAMBDA_RUNTIME_API}
   * @throws IllegalArgumentException if it is not a usable {@code host:port}
   */
  public RuntimeApiClient(String runtimeApi) {
    Objects.requireNonNull(runtimeApi, "runtimeApi");
    HttpUrl base = HttpUrl.parse("http://" + runtimeApi + "/2018-06-01/runtime/");
    // HttpUrl is lenient: "host?x" and "host#x" parse (dropping the API path into the query or fragment), "host\\x"
    // parses as a path, "user@host" as credentials. Only a bare host[:port] leaves the path and the rest untouched.
    if (base == null || runtimeApi.isBlank() || runtimeApi.contains("/") || runtimeApi.endsWith(":")
        || !base.encodedPath().equals("/2018-06-01/runtime/") || base.query() != null || base.fragment() != null
        || !base.username().isEmpty() || !base.password().isEmpty()) {
      throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API is not a host:port: '" + runtimeApi + "'");
    }
    this.next = new Request.Builder().url(base.resolve("invocation/next")).get().build();
    this.invocationBase = base.resolve("invocation/");
    this.initError = base.resolve("init/error");
    this.http = new OkHttpClient.Builder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .protocols(List.of(Protocol.HTTP_1_1))
        .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(0, TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .followRedirects(false)
        // A post retried on a fresh connection could answer one invocation twice; a failed call means the
        // platform is in trouble, and the runtime exits so Lambda replaces it.
        .retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(1, 10, TimeUnit.MINUTES))
        .socketFactory(new NoDelaySocketFactory())
        .build();
  }

  /**
   * Blocks until the platform hands out the next invocation.
   *
   * @throws InvalidInvocationException the headers do not describe a usable invocation
   * @throws ContainerErrorException the platform answered 500
   * @throws IOException the connection was refused or reset, or the platform answered another non-200 status
   */
  public Invocation next() throws IOException {
    try (Response response = http.newCall(next).execute()) {
      if (response.code() != 200) {
        throw unexpected("GET /runtime/invocation/next", response);
      }
      Headers headers = response.headers();
      String requestId = headers.get(REQUEST_ID);
      String invocationId = headers.get(INVOCATION_ID);
      byte[] payload = response.body().bytes();
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
    }
  }

  /**
   * Posts the invocation's response.
   *
   * @param invocationId the invocation's {@code Lambda-Runtime-Invocation-Id}, echoed back; may be null
   * @param contentType the body's media type, for example {@code application/json}
   */
  public PostResult respond(String requestId, String invocationId, byte[] body, String contentType)
      throws IOException {
    return respond(requestId, invocationId, body, body.length, contentType);
  }

  /**
   * Posts the first {@code length} bytes of {@code body} as the invocation's response; {@code body} is not kept
   * after this returns, so the caller may reuse it.
   */
  public PostResult respond(String requestId, String invocationId, byte[] body, int length, String contentType)
      throws IOException {
    MediaType type = contentType == null || contentType.equals("application/json")
        ? JSON : MediaType.parse(contentType);
    Request.Builder request = new Request.Builder()
        .url(invocationUrl(requestId, "response"))
        .post(RequestBody.create(body, type, 0, length));
    if (invocationId != null) {
      request.header(INVOCATION_ID, invocationId);
    }
    return post(request.build());
  }

  /**
   * Posts the invocation's error.
   *
   * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header: the platform keeps {@code Runtime.Xxx}
   *     and {@code Function.Xxx} values and reports anything else as {@code Runtime.Unknown}
   * @param xrayErrorCause the X-Ray error cause JSON (see {@link XRayErrorCause}), or null
   */
  public PostResult error(String requestId, String invocationId, String errorType, ErrorReport report,
      String xrayErrorCause) throws IOException {
    Request.Builder request = new Request.Builder()
        .url(invocationUrl(requestId, "error"))
        .headers(errorHeaders(errorType, xrayErrorCause))
        .post(RequestBody.create(json(report), JSON));
    if (invocationId != null) {
      request.header(INVOCATION_ID, invocationId);
    }
    return post(request.build());
  }

  /** Posts an initialization error; the runtime exits non-zero afterwards. */
  public PostResult initError(String errorType, ErrorReport report) throws IOException {
    Request request = new Request.Builder()
        .url(initError)
        .headers(errorHeaders(errorType, null))
        .post(RequestBody.create(json(report), JSON))
        .build();
    return post(request);
  }

  /**
   * Does, without calling the platform, the one-time work the first calls would otherwise do: loads the call
   * classes and the JDK's security providers (okhttp reads which one is preferred on its first call, and loading
   * them all takes about 0.1 s). The runtime runs it on a background thread while the injector is created.
   */
  public void warmUp() {
    Security.getProviders();
    http.newCall(next); // a call is created, not executed: no request is sent
    RequestBody.create(new byte[1], JSON, 0, 1);
    invocationUrl("warm-up", "response");
    json(ErrorReport.of("Runtime.WarmUp", ""));
  }

  @Override
  public void close() {
    http.connectionPool().evictAll();
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

  private HttpUrl invocationUrl(String requestId, String action) {
    return invocationBase.newBuilder().addPathSegment(requestId).addPathSegment(action).build();
  }

  private static Headers errorHeaders(String errorType, String xrayErrorCause) {
    Headers.Builder headers = new Headers.Builder().add(ERROR_TYPE, headerSafe(errorType));
    if (xrayErrorCause != null
        && xrayErrorCause.getBytes(StandardCharsets.UTF_8).length <= XRayErrorCause.MAX_BYTES) { // bytes, not chars
      headers.addUnsafeNonAscii(XRAY_ERROR_CAUSE, withoutControlChars(xrayErrorCause));
    }
    return headers.build();
  }

  /**
   * addUnsafeNonAscii checks nothing, and HTTP servers (the Runtime Interface Emulator is Go's net/http) answer 400
   * to a request whose header value holds a control character, losing the whole error report; so CR, LF, NUL, DEL
   * and the like become spaces. Gson leaves DEL unescaped in JSON strings, so an exception message can carry one.
   */
  private static String withoutControlChars(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (out == null) {
          out = new StringBuilder(value);
        }
        out.setCharAt(i, ' ');
      }
    }
    return out == null ? value : out.toString();
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

  private PostResult post(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (response.code() >= 500) {
        throw unexpected(request.method() + " " + request.url().encodedPath(), response);
      }
      ResponseBody body = response.body();
      return new PostResult(response.code(), body.string());
    }
  }

  private static IOException unexpected(String call, Response response) throws IOException {
    String body = response.body().string();
    String message = call + " answered " + response.code() + (body.isEmpty() ? "" : ": " + abbreviate(body));
    return response.code() == 500 ? new ContainerErrorException(message) : new IOException(message);
  }

  private static String abbreviate(String s) {
    return s.length() <= 512 ? s : s.substring(0, 512) + "...";
  }
}
