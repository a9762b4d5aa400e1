package dev.lambdaguice.runtime.e2e.conformance;

import dev.lambdaguice.runtime.api.RuntimeApiHeaders;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.Fault;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * MockWebServer scripted as the Lambda platform: the same answers as the Runtime API (202, 400 unknown id, 403
 * answered twice or init error after {@code /next}, 413 over 6 MiB + 100 bytes), written by okhttp's server codec.
 */
final class MockWebServerPlatform extends Dispatcher implements ConformancePlatform {

  static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:mock";

  private record Pending(String requestId, byte[] event, InvokeOptions options,
      CompletableFuture<InvokeResult> result) {}

  private final MockWebServer server = new MockWebServer();
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  private final Map<Endpoint, Queue<Fault>> faults = new EnumMap<>(Endpoint.class);
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Set<Integer> connectionIndexes = new HashSet<>();
  private volatile boolean polled;
  private volatile boolean closed;

  MockWebServerPlatform() throws IOException {
    for (Endpoint endpoint : Endpoint.values()) {
      faults.put(endpoint, new ArrayDeque<>());
    }
    server.setDispatcher(this);
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start();
  }

  /**
   * MockWebServer writes an answer's head and body in separate writes; with Nagle's algorithm on its side, the body
   * waits for the client's delayed ACK (about 40 ms) on every exchange.
   */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public String runtimeApi() {
    return server.getHostName() + ":" + server.getPort();
  }

  @Override
  public String functionArn() {
    return ARN;
  }

  @Override
  public CompletableFuture<InvokeResult> invoke(byte[] event, InvokeOptions options) {
    Pending pending = new Pending(UUID.randomUUID().toString(), event, options, new CompletableFuture<>());
    queue.add(pending);
    return pending.result();
  }

  @Override
  public synchronized void inject(Endpoint endpoint, Fault fault) {
    faults.get(endpoint).add(fault);
  }

  @Override
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public synchronized int connections() {
    return connectionIndexes.size();
  }

  @Override
  public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
    String path = request.getUrl().encodedPath();
    Endpoint endpoint = endpoint(request.getMethod(), path);
    String requestId = endpoint == Endpoint.RESPONSE || endpoint == Endpoint.ERROR
        ? request.getUrl().pathSegments().get(3) : null;
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : request.getHeaders().names()) {
      headers.put(name, request.getHeaders().values(name));
    }
    requests.add(new RecordedRequest(endpoint, request.getMethod(), path, requestId, headers,
        request.getBodySize()));
    Fault fault;
    synchronized (this) {
      connectionIndexes.add(request.getConnectionIndex());
      fault = endpoint == null ? null : faults.get(endpoint).poll();
    }
    if (endpoint == null) {
      return json(404, "NotFound", "no endpoint " + path);
    }
    if (fault instanceof Fault.Status status) {
      return json(status.code(), errorType(status.code()), "injected fault: HTTP " + status.code());
    }
    if (fault instanceof Fault.Drop) {
      return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }
    return switch (endpoint) {
      case NEXT -> next();
      case RESPONSE, ERROR -> answer(requestId, request, endpoint == Endpoint.ERROR);
      case INIT_ERROR -> polled ? json(403, "InvalidStateTransition", "init error after /next")
          : json(202, null, null);
      case RESTORE_NEXT, RESTORE_ERROR -> json(404, "NotFound", "no SnapStart on this platform: " + path);
      case EXTENSION_REGISTER, EXTENSION_NEXT -> json(404, "NotFound", "no Extensions API on this platform: " + path);
    };
  }

  private MockResponse next() throws InterruptedException {
    polled = true;
    Pending pending = null;
    while (pending == null) {
      if (closed) {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      }
      pending = queue.poll(100, TimeUnit.MILLISECONDS);
    }
    inFlight.put(pending.requestId(), pending);
    InvokeOptions options = pending.options();
    MockResponse.Builder answer = new MockResponse.Builder().code(200)
        .addHeader(RuntimeApiHeaders.REQUEST_ID, pending.requestId())
        .addHeader(RuntimeApiHeaders.DEADLINE_MS, Long.toString(System.currentTimeMillis() + 30_000))
        .addHeader(RuntimeApiHeaders.FUNCTION_ARN, ARN)
        .addHeader(RuntimeApiHeaders.TRACE_ID,
            options.traceId() != null ? options.traceId() : "Root=1-00000000-000000000000000000000000;Sampled=0")
        .addHeader("Content-Type", "application/json");
    optional(answer, RuntimeApiHeaders.CLIENT_CONTEXT, options.clientContext());
    optional(answer, RuntimeApiHeaders.COGNITO_IDENTITY, options.cognitoIdentity());
    optional(answer, RuntimeApiHeaders.TENANT_ID, options.tenantId());
    optional(answer, RuntimeApiHeaders.INVOCATION_ID, options.invocationId());
    return answer.body(new Buffer().write(pending.event())).build();
  }

  private MockResponse answer(String requestId, mockwebserver3.RecordedRequest request, boolean error) {
    Pending pending = inFlight.remove(requestId);
    if (pending == null) {
      return answered.contains(requestId)
          ? json(403, "InvalidStateTransition", "invocation " + requestId + " was already answered")
          : json(400, "InvalidRequestID", "invocation " + requestId + " is not in progress");
    }
    answered.add(requestId);
    String contentType = request.getHeaders().get("Content-Type");
    if (request.getBodySize() > MAX_RESPONSE_BYTES) {
      pending.result().complete(new InvokeResult(requestId, true, "Function.ResponseSizeTooLarge",
          "application/json", new byte[0]));
      return json(413, "RequestEntityTooLarge", "the body is " + request.getBodySize() + " bytes");
    }
    byte[] body = request.getBody().toByteArray();
    pending.result().complete(error
        ? new InvokeResult(requestId, true, request.getHeaders().get(RuntimeApiHeaders.ERROR_TYPE), contentType, body)
        : new InvokeResult(requestId, false, null, contentType, body));
    return json(202, null, null);
  }

  private static void optional(MockResponse.Builder answer, String name, String value) {
    if (value != null) {
      answer.addHeader(name, value);
    }
  }

  private static String errorType(int status) {
    return switch (status) {
      case 400 -> "InvalidRequestID";
      case 403 -> "InvalidStateTransition";
      case 410 -> "Gone";
      case 413 -> "RequestEntityTooLarge";
      case 500 -> "InternalServerError";
      default -> "InjectedFault";
    };
  }

  private static MockResponse json(int status, String errorType, String message) {
    String body = errorType == null ? "{\"status\":\"OK\"}"
        : "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + errorType + "\"}";
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static Endpoint endpoint(String method, String path) {
    if (!path.startsWith(PREFIX)) {
      return null;
    }
    String rest = path.substring(PREFIX.length());
    if (rest.equals("invocation/next")) {
      return method.equals("GET") ? Endpoint.NEXT : null;
    }
    if (rest.equals("init/error")) {
      return method.equals("POST") ? Endpoint.INIT_ERROR : null;
    }
    if (rest.equals("restore/next")) {
      return method.equals("GET") ? Endpoint.RESTORE_NEXT : null;
    }
    if (rest.equals("restore/error")) {
      return method.equals("POST") ? Endpoint.RESTORE_ERROR : null;
    }
    String[] parts = rest.split("/", -1);
    if (!method.equals("POST") || parts.length != 3 || !parts[0].equals("invocation")) {
      return null;
    }
    return switch (parts[2]) {
      case "response" -> Endpoint.RESPONSE;
      case "error" -> Endpoint.ERROR;
      default -> null;
    };
  }

  @Override
  public void close() { // also MockWebServer's call to close its dispatcher
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    server.close();
    List<Pending> left = new ArrayList<>(queue);
    left.addAll(inFlight.values());
    left.forEach(p -> p.result().completeExceptionally(new IllegalStateException("closed")));
  }
}
