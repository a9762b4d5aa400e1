package dev.lambdaguice.runtime.local;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.ERROR_BODY;
import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.ERROR_TYPE;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The Runtime Interface Emulator's invoke endpoint, {@code POST /2015-03-31/functions/<name>/invocations}: runs
 * one invocation of the named function and answers with its response, or with its error JSON and
 * {@code X-Amz-Function-Error: Unhandled}. Maps {@code X-Amzn-Trace-Id}, {@code X-Amz-Client-Context} (base64 JSON)
 * and {@code X-Amz-Tenant-Id} to the invocation. An unknown name is Lambda's 404 {@code ResourceNotFoundException};
 * another method than {@code POST} is a 405 with {@code Allow: POST}.
 *
 * <p>{@code POST /2021-11-15/functions/<name>/response-streaming-invocations} is the streaming variant, like
 * Lambda's {@code InvokeWithResponseStream} but in plain chunked HTTP (not AWS's event-stream framing): the answer
 * is {@code Transfer-Encoding: chunked} with the function's content type, each piece written to the caller as it
 * arrives from the runtime. An error the runtime reports after its first bytes arrives in the trailers
 * {@code X-Amz-Function-Error: Unhandled}, {@code Lambda-Runtime-Function-Error-Type} and
 * {@code Lambda-Runtime-Function-Error-Body} (base64 of the error JSON); an error before any byte (or a response
 * that was not streamed) is answered as by the buffered endpoint, in one chunk.
 */
final class InvokeHandler implements SocketServer.Handler {

  static final String PREFIX = "/2015-03-31/functions/";
  static final String SUFFIX = "/invocations";
  static final String STREAM_PREFIX = "/2021-11-15/functions/";
  static final String STREAM_SUFFIX = "/response-streaming-invocations";

  /** The trailers a stream that failed after its first bytes ends with. */
  static final String FUNCTION_ERROR = "X-Amz-Function-Error";

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

  /** The streaming invoke endpoint of function {@code name} at {@code hostAndPort}. */
  static URI streamingUri(String hostAndPort, String name) {
    return URI.create("http://" + hostAndPort + STREAM_PREFIX + name + STREAM_SUFFIX);
  }

  /**
   * True for the invoke path (buffered or streaming) of a function, whatever the method (any other than POST is
   * answered 405).
   */
  static boolean matches(HttpRequest request) {
    return matches(request.path(), PREFIX, SUFFIX) || matches(request.path(), STREAM_PREFIX, STREAM_SUFFIX);
  }

  private static boolean matches(String path, String prefix, String suffix) {
    return path.startsWith(prefix) && path.endsWith(suffix)
        && path.length() > prefix.length() + suffix.length()
        && path.indexOf('/', prefix.length()) == path.length() - suffix.length();
  }

  private static boolean streaming(HttpRequest request) {
    return request.path().startsWith(STREAM_PREFIX);
  }

  /** The function name in a path that {@link #matches}. */
  static String functionName(HttpRequest request) {
    String path = request.path();
    return streaming(request)
        ? path.substring(STREAM_PREFIX.length(), path.length() - STREAM_SUFFIX.length())
        : path.substring(PREFIX.length(), path.length() - SUFFIX.length());
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
    if (streaming(request)) {
      return stream(invocations.submit(request.body(), options, true), connection);
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
    connection.write(buffered(result));
    return true;
  }

  private static HttpResponse buffered(InvokeResult result) {
    HttpResponse response = new HttpResponse(200).header("X-Amz-Executed-Version", "$LATEST");
    if (result.error()) {
      response.header(FUNCTION_ERROR, "Unhandled");
    }
    return response.body(result.contentType() != null ? result.contentType() : "application/json",
        result.bodyBytes());
  }

  /** Answers a streaming invoke: chunked, each piece flushed as it arrives, errors after the first byte as trailers. */
  private static boolean stream(PendingInvocation invocation, HttpConnection connection) throws IOException {
    ResponsePipe pipe = invocation.pipe;
    try {
      pipe.awaitStart();
    } catch (InterruptedException e) {
      return false;
    } catch (TimeoutException e) {
      connection.write(HttpResponse.json(504, ErrorJson.of("LocalLambda.InvokeTimeout", e.getMessage())));
      return true;
    } catch (IllegalStateException e) {
      return false; // the server closes
    }
    if (!pipe.started()) { // answered without a stream: the result is there, and not exceptional
      InvokeResult early = invocation.result.join();
      if (early.error()) {
        connection.write(buffered(early)); // failed before any byte: as the buffered endpoint answers
        return true;
      }
    }
    String contentType = pipe.contentType();
    HttpResponse head = new HttpResponse(200)
        .header("X-Amz-Executed-Version", "$LATEST")
        .header("Content-Type", contentType != null ? contentType : "application/octet-stream")
        .header("Trailer", FUNCTION_ERROR + ", " + ERROR_TYPE + ", " + ERROR_BODY);
    byte[] buffer = new byte[ResponsePipe.CAPACITY];
    try {
      connection.writeChunkedHead(head);
      int n;
      while ((n = pipe.read(buffer, 0, buffer.length)) >= 0) {
        connection.writeChunk(buffer, 0, n);
      }
      InvokeResult result = pipe.result();
      Map<String, String> trailers = new LinkedHashMap<>();
      if (result.error()) {
        trailers.put(FUNCTION_ERROR, "Unhandled");
        trailers.put(ERROR_TYPE, result.errorType() != null ? result.errorType() : "Runtime.Unknown");
        trailers.put(ERROR_BODY, Base64.getEncoder().encodeToString(result.bodyBytes()));
      }
      connection.endChunks(trailers);
      return true;
    } catch (IOException e) { // the caller went away: the runtime's stream goes on, unread
      pipe.closeReader();
      return false;
    } catch (InterruptedException e) {
      pipe.closeReader();
      return false;
    } catch (TimeoutException | IllegalStateException e) {
      return false; // cannot happen once started but for the server closing
    }
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
