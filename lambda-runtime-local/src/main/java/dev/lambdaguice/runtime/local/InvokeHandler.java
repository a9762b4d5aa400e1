package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The Runtime Interface Emulator's invoke endpoint, {@code POST /2015-03-31/functions/function/invocations}: runs
 * one invocation and answers with the function's response, or with its error JSON and
 * {@code X-Amz-Function-Error: Unhandled}. Maps {@code X-Amzn-Trace-Id}, {@code X-Amz-Client-Context} (base64 JSON)
 * and {@code X-Amz-Tenant-Id} to the invocation.
 */
final class InvokeHandler implements SocketServer.Handler {

  static final String PREFIX = "/2015-03-31/functions/";
  static final String SUFFIX = "/invocations";

  /** Lambda's limit for a synchronous invocation's event. */
  static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

  private final Invocations invocations;

  InvokeHandler(Invocations invocations) {
    this.invocations = invocations;
  }

  static boolean matches(HttpRequest request) {
    String path = request.path();
    return request.method().equals("POST") && path.startsWith(PREFIX) && path.endsWith(SUFFIX)
        && path.length() > PREFIX.length() + SUFFIX.length()
        && path.indexOf('/', PREFIX.length()) == path.length() - SUFFIX.length();
  }

  @Override
  public boolean handle(HttpRequest request, HttpConnection connection) throws IOException {
    if (request.tooLarge() || request.body().length > MAX_EVENT_BYTES) {
      connection.write(HttpResponse.json(413, ErrorJson.of("RequestEntityTooLargeException",
          "Request must be smaller than " + MAX_EVENT_BYTES + " bytes for the InvokeFunction operation")));
      return true;
    }
    InvokeOptions options = InvokeOptions.none()
        .withTraceId(request.header("X-Amzn-Trace-Id"))
        .withTenantId(request.header("X-Amz-Tenant-Id"));
    String clientContext = request.header("X-Amz-Client-Context");
    if (clientContext != null) {
      try {
        options = options.withClientContext(
            new String(Base64.getDecoder().decode(clientContext), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        connection.write(HttpResponse.json(400, ErrorJson.of("InvalidRequestContentException",
            "X-Amz-Client-Context must be base64")));
        return true;
      }
    }
    InvokeResult result;
    try {
      result = invocations.submit(request.body(), options).get();
    } catch (InterruptedException e) {
      return false;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TimeoutException) {
        connection.write(HttpResponse.json(504, ErrorJson.of("LocalLambda.InvokeTimeout", e.getCause().getMessage())));
        return true;
      }
      return false;
    }
    HttpResponse response = new HttpResponse(200).header("X-Amz-Executed-Version", "$LATEST");
    if (result.error()) {
      response.header("X-Amz-Function-Error", "Unhandled");
    }
    response.body(result.contentType() != null ? result.contentType() : "application/json", result.bodyBytes());
    connection.write(response);
    return true;
  }
}
