package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The Runtime Interface Emulator's invoke endpoint, {@code POST /2015-03-31/functions/<name>/invocations}: runs
 * one invocation of the named function and answers with its response, or with its error JSON and
 * {@code X-Amz-Function-Error: Unhandled}. Maps {@code X-Amzn-Trace-Id}, {@code X-Amz-Client-Context} (base64 JSON)
 * and {@code X-Amz-Tenant-Id} to the invocation. An unknown name is Lambda's 404 {@code ResourceNotFoundException};
 * another method than {@code POST} is a 405 with {@code Allow: POST}.
 */
final class InvokeHandler implements SocketServer.Handler {

  static final String PREFIX = "/2015-03-31/functions/";
  static final String SUFFIX = "/invocations";

  /** Lambda's limit for a synchronous invocation's event. */
  static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

  /** How much of an unknown function name the 404 message shows. */
  private static final int NAME_SHOWN = 140;

  private static final String NOT_FOUND = "ResourceNotFoundException";

  private final Function<String, Invocations> functions;

  /** @param functions the invocations of the function with a name, or null when there is no such function */
  InvokeHandler(Function<String, Invocations> functions) {
    this.functions = functions;
  }

  /** The invoke endpoint of function {@code name} at {@code hostAndPort}. */
  static URI uri(String hostAndPort, String name) {
    return URI.create("http://" + hostAndPort + PREFIX + name + SUFFIX);
  }

  /** True for the invoke path of a function, whatever the method (any other than POST is answered 405). */
  static boolean matches(HttpRequest request) {
    String path = request.path();
    return path.startsWith(PREFIX) && path.endsWith(SUFFIX)
        && path.length() > PREFIX.length() + SUFFIX.length()
        && path.indexOf('/', PREFIX.length()) == path.length() - SUFFIX.length();
  }

  /** The function name in a path that {@link #matches}. */
  static String functionName(HttpRequest request) {
    String path = request.path();
    return path.substring(PREFIX.length(), path.length() - SUFFIX.length());
  }

  @Override
  public boolean handle(HttpRequest request, HttpConnection connection) throws IOException {
    if (!request.method().equals("POST")) {
      connection.write(HttpResponse.json(405, ErrorJson.of("MethodNotAllowedException",
          "Invoke a function with POST, not " + printable(request.method()))).header("Allow", "POST"));
      return true;
    }
    String name = functionName(request);
    Invocations invocations = functions.apply(name);
    if (invocations == null) {
      connection.write(HttpResponse.json(404, ErrorJson.of(NOT_FOUND, "Function not found: " + printable(name)))
          .header("X-Amzn-ErrorType", NOT_FOUND));
      return true;
    }
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

  /** {@code name} for a message: control, format and line separator characters as {@code ?}; shortened. */
  private static String printable(String name) {
    StringBuilder shown = new StringBuilder();
    name.codePoints().limit(NAME_SHOWN).forEach(c -> {
      int type = Character.getType(c);
      boolean unprintable = Character.isISOControl(c) || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
      shown.appendCodePoint(unprintable ? '?' : c);
    });
    return name.codePointCount(0, name.length()) > NAME_SHOWN ? shown.append("...").toString() : shown.toString();
  }
}
