package dev.lambdaguice.runtime.local;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.CLIENT_CONTEXT;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.COGNITO_IDENTITY;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.DEADLINE_MS;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.ERROR_TYPE;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.FUNCTION_ARN;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.INVOCATION_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.REQUEST_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.TENANT_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.TRACE_ID;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The server side of the Runtime API, {@code /2018-06-01/runtime/...}. */
final class RuntimeApiHandler implements SocketServer.Handler {

  static final String PREFIX = "/2018-06-01/runtime/";

  /** Lambda's 6 MiB response limit, which it enforces 100 bytes generously. */
  static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

  private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RESPONSE_TOO_LARGE = ErrorJson.of("Function.ResponseSizeTooLarge",
      "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");

  private final String functionArn;
  private final Invocations invocations;
  private final Faults faults;
  private final RequestLog log;
  private final Snapshots snapshots;
  private final Extensions extensions;
  private final StreamRelay streamed;
  /** Null unless the function uses SnapStart: then how long the "snapshot" takes before {@code /restore/next} answers. */
  private final Duration restoreDelay;

  RuntimeApiHandler(String functionArn, Invocations invocations, Faults faults, RequestLog log, Snapshots snapshots,
      Extensions extensions, Duration restoreDelay) {
    this.functionArn = functionArn;
    this.invocations = invocations;
    this.faults = faults;
    this.log = log;
    this.snapshots = snapshots;
    this.extensions = extensions;
    this.streamed = new StreamRelay(invocations);
    this.restoreDelay = restoreDelay;
  }

  /** A Runtime API call: the endpoint, and the request id in the path of {@code /response} and {@code /error}. */
  private record Route(Endpoint endpoint, String requestId) {

    /** The route for a method and path under {@link #PREFIX}, or null when there is none. */
    static Route of(String method, String path) {
      String rest = path.substring(PREFIX.length());
      boolean get = method.equals("GET");
      boolean post = method.equals("POST");
      if (rest.equals("invocation/next")) {
        return get ? new Route(Endpoint.NEXT, null) : null;
      }
      if (rest.equals("init/error")) {
        return post ? new Route(Endpoint.INIT_ERROR, null) : null;
      }
      if (rest.equals("restore/next")) {
        return get ? new Route(Endpoint.RESTORE_NEXT, null) : null;
      }
      if (rest.equals("restore/error")) {
        return post ? new Route(Endpoint.RESTORE_ERROR, null) : null;
      }
      int slash = rest.lastIndexOf('/');
      if (!post || !rest.startsWith("invocation/") || slash <= "invocation/".length()) {
        return null;
      }
      String requestId = rest.substring("invocation/".length(), slash);
      if (requestId.indexOf('/') >= 0) {
        return null;
      }
      switch (rest.substring(slash + 1)) {
        case "response": return new Route(Endpoint.RESPONSE, requestId);
        case "error": return new Route(Endpoint.ERROR, requestId);
        default: return null;
      }
    }
  }

  @Override
  public boolean handle(HttpRequest request, HttpConnection connection) throws IOException {
    Route route = Route.of(request.method(), request.path());
    if (log.enabled()) {
      log.add(new RecordedRequest(route == null ? null : route.endpoint(), request.method(), request.path(),
          route == null ? null : route.requestId(), request.headers(), request.bodyLength()));
    }
    if (route == null) {
      connection.write(HttpResponse.json(404,
          ErrorJson.of("NotFound", "no Runtime API endpoint " + request.method() + " " + request.path())));
      return true;
    }
    Fault fault = faults.next(route.endpoint());
    if (fault instanceof Fault.Delay delay) {
      try {
        Thread.sleep(delay.duration().toMillis());
      } catch (InterruptedException e) {
        return false;
      }
    } else if (fault instanceof Fault.Status status) {
      connection.write(HttpResponse.json(status.code(),
          ErrorJson.of(status.errorType(), "injected fault: HTTP " + status.code())));
      return true;
    } else if (fault instanceof Fault.Drop) {
      return false;
    }
    if (restoreDelay == null && (route.endpoint() == Endpoint.RESTORE_NEXT
        || route.endpoint() == Endpoint.RESTORE_ERROR)) { // as the platform, which serves them for SnapStart only
      connection.write(HttpResponse.json(404, ErrorJson.of("NotFound", request.method() + " " + request.path()
          + " is served only when the function uses SnapStart: LocalLambda.builder().snapStart()")));
      return true;
    }
    switch (route.endpoint()) {
      case NEXT:
        if (restoreDelay != null && !snapshots.restored()) {
          connection.write(HttpResponse.json(403, ErrorJson.of("InvalidStateTransition", "the function uses"
              + " SnapStart: call GET /2018-06-01/runtime/restore/next (the snapshot) before /next")));
          return true;
        }
        return initDone() && next(connection);
      case RESTORE_NEXT: return initDone() && restoreNext(connection);
      case RESTORE_ERROR: return restoreError(request, connection);
      case RESPONSE: return request.streamedResponse()
          ? streamed.relay(route.requestId(), request, connection)
          : answer(route.requestId(), request, connection, false);
      case ERROR: return answer(route.requestId(), request, connection, true);
      case INIT_ERROR: return initError(request, connection);
      default: throw new AssertionError(route);
    }
  }

  /**
   * The runtime's init is over (its first {@code /next}, or {@code /restore/next} with SnapStart): closes extension
   * registration and waits, as the platform does, until every registered extension called
   * {@code /extension/event/next}. False when the server closes meanwhile.
   */
  private boolean initDone() {
    try {
      extensions.runtimeReady();
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private boolean next(HttpConnection connection) throws IOException {
    PendingInvocation invocation;
    try {
      invocation = invocations.take();
    } catch (InterruptedException e) {
      return false;
    }
    if (invocation == null) {
      return false;
    }
    if (connection.peerClosed()) {
      invocations.requeue(invocation);
      return false;
    }
    InvokeOptions options = invocation.options;
    HttpResponse response = new HttpResponse(200)
        .header(REQUEST_ID, invocation.requestId)
        .header(DEADLINE_MS, Long.toString(invocation.deadlineMs))
        .header(FUNCTION_ARN, functionArn)
        .header(TRACE_ID, invocation.traceId);
    optionalHeader(response, CLIENT_CONTEXT, options.clientContext());
    optionalHeader(response, COGNITO_IDENTITY, options.cognitoIdentity());
    optionalHeader(response, TENANT_ID, options.tenantId());
    optionalHeader(response, INVOCATION_ID, options.invocationId());
    response.body("application/json", invocation.event);
    try {
      connection.write(response);
    } catch (IOException e) {
      invocations.requeue(invocation);
      throw e;
    }
    return true;
  }

  private boolean answer(String requestId, HttpRequest request, HttpConnection connection, boolean error)
      throws IOException {
    InvokeResult result;
    if (request.tooLarge()) {
      result = InvokeResult.failure(requestId, "Function.ResponseSizeTooLarge", "application/json",
          RESPONSE_TOO_LARGE);
    } else if (error) {
      result = InvokeResult.failure(requestId, request.header(ERROR_TYPE), request.header("Content-Type"),
          request.body());
    } else {
      result = InvokeResult.response(requestId, request.header("Content-Type"), request.body());
    }
    switch (invocations.complete(requestId, result)) {
      case ACCEPTED:
        connection.write(request.tooLarge()
            ? HttpResponse.json(413, ErrorJson.of("RequestEntityTooLarge", "the " + (error ? "error" : "response")
                + " is " + request.bodyLength() + " bytes; the limit is " + MAX_RESPONSE_BYTES))
            : HttpResponse.json(202, ACCEPTED));
        return true;
      case ALREADY_ANSWERED:
        connection.write(HttpResponse.json(403, ErrorJson.of("InvalidStateTransition",
            "invocation " + requestId + " was already answered")));
        return true;
      case UNKNOWN_ID:
        connection.write(HttpResponse.json(400, ErrorJson.of("InvalidRequestID",
            "invocation " + requestId + " is not in progress")));
        return true;
      default:
        throw new AssertionError();
    }
  }

  private boolean initError(HttpRequest request, HttpConnection connection) throws IOException {
    if (request.tooLarge()) {
      connection.write(HttpResponse.json(413, ErrorJson.of("RequestEntityTooLarge",
          "the init error is " + request.bodyLength() + " bytes; the limit is " + MAX_RESPONSE_BYTES)));
      return true;
    }
    RuntimeError error =
        new RuntimeError(request.header(ERROR_TYPE), new String(request.body(), StandardCharsets.UTF_8));
    if (invocations.initError(error)) {
      connection.write(HttpResponse.json(202, ACCEPTED));
    } else {
      connection.write(HttpResponse.json(403, ErrorJson.of("InvalidStateTransition",
          "init error after the runtime's first /next, or after another init error")));
    }
    return true;
  }

  /** Takes the "snapshot" (waits the restore delay) and answers once "restored"; invocations are served only after. */
  private boolean restoreNext(HttpConnection connection) throws IOException {
    if (snapshots.checkpoints() > 0) {
      connection.write(HttpResponse.json(403, ErrorJson.of("InvalidStateTransition",
          "/restore/next was called already by this runtime")));
      return true;
    }
    snapshots.checkpoint();
    if (!restoreDelay.isZero()) {
      try {
        Thread.sleep(restoreDelay.toMillis());
      } catch (InterruptedException e) {
        return false;
      }
    }
    snapshots.restore();
    connection.write(new HttpResponse(200));
    return true;
  }

  /** Records a failed restore; like an init error, it fails queued and later invocations. */
  private boolean restoreError(HttpRequest request, HttpConnection connection) throws IOException {
    if (request.tooLarge()) {
      connection.write(HttpResponse.json(413, ErrorJson.of("RequestEntityTooLarge",
          "the restore error is " + request.bodyLength() + " bytes; the limit is " + MAX_RESPONSE_BYTES)));
      return true;
    }
    RuntimeError error =
        new RuntimeError(request.header(ERROR_TYPE), new String(request.body(), StandardCharsets.UTF_8));
    if (snapshots.restoreError(error)) {
      invocations.initError(error);
      connection.write(HttpResponse.json(202, ACCEPTED));
    } else {
      connection.write(HttpResponse.json(403, ErrorJson.of("InvalidStateTransition",
          "restore error before /restore/next was answered, or after another restore error")));
    }
    return true;
  }

  private static void optionalHeader(HttpResponse response, String name, String value) {
    if (value != null) {
      response.header(name, value);
    }
  }
}
