package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A local Lambda function for tests: a Runtime API server (what a runtime talks to through
 * {@code AWS_LAMBDA_RUNTIME_API}, with the Extensions API an internal extension uses) and an invoke side, on one
 * port.
 *
 * <pre>{@code
 * try (LocalLambda lambda = LocalLambda.start()) {
 *   lambda.inProcess().modules(AppModule.class).handler("echo").start();
 *   InvokeResult result = lambda.invoke("{\"body\":\"hello\"}");
 *   assertFalse(result.error());
 *   assertEquals(1, lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.RESPONSE).count());
 * }
 * }</pre>
 *
 * <p>The Runtime API behaves like the platform's: {@code /next} blocks until an invocation is queued and sets every
 * {@code Lambda-Runtime-*} header; answers are 202, or 400 for an unknown request id, 403 for a second answer,
 * 413 for a response over 6 MiB (the invoker then gets {@code Function.ResponseSizeTooLarge}); an init error fails
 * queued and later invocations. An invocation not answered by its deadline fails with {@code Sandbox.Timedout}.
 * The same port serves the Runtime Interface Emulator's {@code POST /2015-03-31/functions/function/invocations}
 * (like the emulator, under any function name), and its streaming variant {@link #streamingInvokeUri()}; a
 * streamed {@code /response} reaches the invoker as it arrives ({@link #invokeStreaming}). With
 * {@link Builder#snapStart()} it emulates SnapStart's {@code /runtime/restore/next} and {@code /runtime/restore/error}.
 *
 * <p>{@link #close()} stops accepting connections and closes the open ones, so a runtime waiting in
 * {@code /next} sees its connection fail and exits; then it stops the runtimes started through this object.
 */
public final class LocalLambda implements AutoCloseable {

  private final FunctionConfig config;
  private final ScheduledThreadPoolExecutor timer;
  private final Invocations invocations;
  private final Faults faults = new Faults();
  private final Snapshots snapshots = new Snapshots();
  private final Extensions extensions = new Extensions();
  private final RequestLog log;
  private final SocketServer server;
  private final String runtimeApi;
  private final List<ManagedRuntime> runtimes = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalLambda(FunctionConfig config) throws IOException {
    this.config = config;
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "local-lambda-timer");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // an answered invocation's deadline task leaves the queue at once
    this.invocations = new Invocations(config.functionTimeout(), config.invokeTimeout(), timer);
    long sweep = Invocations.SWEEP_INTERVAL.toMillis();
    timer.scheduleWithFixedDelay(invocations::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    this.log = new RequestLog(config.recordRequests());
    Router router = new Router(
        new RuntimeApiHandler(config.functionArn(), invocations, faults, log, snapshots, extensions,
            config.snapStart() ? config.restoreDelay() : null),
        new ExtensionsApiHandler(extensions, faults, log, config.functionName()),
        new InvokeHandler(name -> invocations));
    try {
      this.server = SocketServer.start(new InetSocketAddress(config.host(), config.port()), router,
          RuntimeApiHandler.MAX_RESPONSE_BYTES, "local-lambda");
    } catch (IOException e) {
      timer.shutdownNow();
      throw e;
    }
    this.runtimeApi = hostAndPort(server.address());
  }

  /** Starts a local Lambda with the defaults, on a free port of 127.0.0.1. */
  public static LocalLambda start() throws IOException {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link LocalLambda}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String functionName = "function";
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private Duration functionTimeout = Duration.ofSeconds(30);
    private int memorySizeMb = 512;
    private Duration invokeTimeout;
    private boolean recordRequests = true;
    private int maxConcurrency;
    private Duration restoreDelay;

    Builder() {}

    /** The address to listen on; defaults to {@code 127.0.0.1}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port to listen on; defaults to 0, a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** {@code AWS_LAMBDA_FUNCTION_NAME} and the name in the function ARN; defaults to {@code function}. */
    public Builder functionName(String functionName) {
      this.functionName = Objects.requireNonNull(functionName, "functionName");
      return this;
    }

    /** {@code AWS_REGION} and the region in the function ARN; defaults to {@code us-east-1}. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The account in the function ARN; defaults to {@code 123456789012}. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /**
     * The function timeout: each invocation's {@code Lambda-Runtime-Deadline-Ms} is when it is handed out plus
     * this, and an invocation still unanswered then fails with {@code Sandbox.Timedout}. Defaults to 30 s.
     */
    public Builder functionTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("function timeout must be positive: " + timeout);
      }
      this.functionTimeout = timeout;
      return this;
    }

    /** {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}; defaults to 512. */
    public Builder memorySizeMb(int memorySizeMb) {
      if (memorySizeMb <= 0) {
        throw new IllegalArgumentException("memory size must be positive: " + memorySizeMb);
      }
      this.memorySizeMb = memorySizeMb;
      return this;
    }

    /**
     * How long an invoker waits for a result, queueing included, before it gets a {@link TimeoutException};
     * defaults to the function timeout plus 30 s.
     */
    public Builder invokeTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("invoke timeout must be positive: " + timeout);
      }
      this.invokeTimeout = timeout;
      return this;
    }

    /** Whether to record the runtime's requests for {@link #requests()}; on by default. Off for benchmarks. */
    public Builder recordRequests(boolean record) {
      this.recordRequests = record;
      return this;
    }

    /**
     * Makes the function a Lambda Managed Instances function: {@code AWS_LAMBDA_MAX_CONCURRENCY} is set to
     * {@code maxConcurrency} for its runtimes, which may then poll (and be served) that many invocations at once;
     * {@link #peakConcurrency()} tells how many ran at once. Unset by default (one invocation at a time).
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("max concurrency must be at least 1: " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Makes the function a SnapStart one, as a published version with SnapStart on: runtimes get
     * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}; the server answers {@code GET /runtime/restore/next} (the
     * runtime is ready for its snapshot, and the answer is its restore) and records {@code POST
     * /runtime/restore/error}; and it hands out invocations only after the restore ({@code /next} before it is
     * refused with 403). Without it, as on Lambda, the restore endpoints answer 404.
     */
    public Builder snapStart() {
      return snapStart(Duration.ZERO);
    }

    /** As {@link #snapStart()}, with {@code /restore/next} answered {@code restoreDelay} after it was called. */
    public Builder snapStart(Duration restoreDelay) {
      if (restoreDelay.isNegative()) {
        throw new IllegalArgumentException("restore delay must not be negative: " + restoreDelay);
      }
      this.restoreDelay = restoreDelay;
      return this;
    }

    /** Binds the port and starts serving. */
    public LocalLambda start() throws IOException {
      Duration invokeWait = invokeTimeout != null ? invokeTimeout : functionTimeout.plusSeconds(30);
      return new LocalLambda(new FunctionConfig(host, port, functionName, region, accountId, functionTimeout,
          memorySizeMb, invokeWait, recordRequests, Ids.logStreamName(LocalDate.now(ZoneOffset.UTC)),
          maxConcurrency, restoreDelay != null, restoreDelay != null ? restoreDelay : Duration.ZERO));
    }
  }

  /** The {@code host:port} for {@code AWS_LAMBDA_RUNTIME_API}. */
  public String runtimeApi() {
    return runtimeApi;
  }

  /** The port the server listens on. */
  public int port() {
    return server.address().getPort();
  }

  /** The invoke endpoint's URI, {@code http://host:port/2015-03-31/functions/function/invocations}. */
  public URI invokeUri() {
    return InvokeHandler.uri(runtimeApi, "function");
  }

  /**
   * The streaming invoke endpoint's URI, {@code
   * http://host:port/2021-11-15/functions/function/response-streaming-invocations}: plain chunked HTTP.
   */
  public URI streamingInvokeUri() {
    return InvokeHandler.streamingUri(runtimeApi, "function");
  }

  /** The {@code Lambda-Runtime-Invoked-Function-Arn} the runtime gets. */
  public String functionArn() {
    return config.functionArn();
  }

  /**
   * The environment Lambda gives a runtime of this function: {@code AWS_LAMBDA_RUNTIME_API},
   * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_VERSION}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE},
   * {@code AWS_LAMBDA_LOG_GROUP_NAME}, {@code AWS_LAMBDA_LOG_STREAM_NAME}, {@code AWS_LAMBDA_INITIALIZATION_TYPE},
   * {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code LAMBDA_TASK_ROOT} (the working directory), {@code TZ},
   * {@code LANG}, and {@code _HANDLER}.
   *
   * @param handler the handler key, or null to leave {@code _HANDLER} unset
   */
  public Map<String, String> environment(String handler) {
    return environment(handler, Map.of());
  }

  Map<String, String> environment(String handler, Map<String, String> extra) {
    return LambdaEnvironment.of(config, runtimeApi, handler, extra);
  }

  /** Invokes the function with a UTF-8 event and waits for the result; see {@link #invokeAsync}. */
  public InvokeResult invoke(String event) throws InterruptedException, TimeoutException {
    return invoke(event.getBytes(StandardCharsets.UTF_8), InvokeOptions.none());
  }

  /** Invokes the function with a UTF-8 event and waits for the result; see {@link #invokeAsync}. */
  public InvokeResult invoke(String event, InvokeOptions options) throws InterruptedException, TimeoutException {
    return invoke(event.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Invokes the function and waits for the result; see {@link #invokeAsync}. */
  public InvokeResult invoke(byte[] event) throws InterruptedException, TimeoutException {
    return invoke(event, InvokeOptions.none());
  }

  /**
   * Invokes the function and waits for the result.
   *
   * @throws TimeoutException no result within the invoke timeout (no runtime took the event, or it never answered)
   * @throws IllegalStateException this local Lambda closed first
   */
  public InvokeResult invoke(byte[] event, InvokeOptions options) throws InterruptedException, TimeoutException {
    try {
      return invokeAsync(event, options).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException timeout) {
        throw timeout;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Queues an invocation for the next {@code /next}. The future completes with the runtime's response or error,
   * with the init error if the runtime reported one, with {@code Sandbox.Timedout} if the runtime took it but did
   * not answer by its deadline; exceptionally with a {@link TimeoutException} after the invoke timeout, or with an
   * {@link IllegalStateException} if this local Lambda closes first. Dependent stages may run on a server thread.
   *
   * @param event the event; the server keeps this array, so do not change it afterwards
   * @throws IllegalArgumentException the event is over Lambda's 6 MiB limit
   */
  public CompletableFuture<InvokeResult> invokeAsync(byte[] event, InvokeOptions options) {
    if (event.length > InvokeHandler.MAX_EVENT_BYTES) {
      throw new IllegalArgumentException("the event is " + event.length + " bytes; Lambda takes at most "
          + InvokeHandler.MAX_EVENT_BYTES);
    }
    return invocations.submit(event, Objects.requireNonNull(options, "options"));
  }

  /** Invokes the function with a UTF-8 event, streaming; see {@link #invokeStreaming(byte[], InvokeOptions)}. */
  public StreamingInvocation invokeStreaming(String event) throws InterruptedException, TimeoutException {
    return invokeStreaming(event.getBytes(StandardCharsets.UTF_8), InvokeOptions.none());
  }

  /** Invokes the function with a UTF-8 event, streaming; see {@link #invokeStreaming(byte[], InvokeOptions)}. */
  public StreamingInvocation invokeStreaming(String event, InvokeOptions options)
      throws InterruptedException, TimeoutException {
    return invokeStreaming(event.getBytes(StandardCharsets.UTF_8), options);
  }

  /** Invokes the function for a streamed response; see {@link #invokeStreaming(byte[], InvokeOptions)}. */
  public StreamingInvocation invokeStreaming(byte[] event) throws InterruptedException, TimeoutException {
    return invokeStreaming(event, InvokeOptions.none());
  }

  /**
   * Invokes the function like Lambda's {@code InvokeWithResponseStream} and waits until its response starts: the
   * runtime began a streamed {@code /response}, or answered otherwise. The returned invocation's body is read
   * while the function still writes; close it to stop reading.
   *
   * @param event the event; the server keeps this array, so do not change it afterwards
   * @throws TimeoutException no response started within the invoke timeout
   * @throws IllegalStateException this local Lambda closed first
   * @throws IllegalArgumentException the event is over Lambda's 6 MiB limit
   */
  public StreamingInvocation invokeStreaming(byte[] event, InvokeOptions options)
      throws InterruptedException, TimeoutException {
    if (event.length > InvokeHandler.MAX_EVENT_BYTES) {
      throw new IllegalArgumentException("the event is " + event.length + " bytes; Lambda takes at most "
          + InvokeHandler.MAX_EVENT_BYTES);
    }
    return StreamingInvocation.started(invocations.submit(event, Objects.requireNonNull(options, "options"), true));
  }

  /** The error the runtime posted to {@code /runtime/init/error}, if it did. */
  public Optional<RuntimeError> initError() {
    return invocations.initError();
  }

  /**
   * The most invocations that were handed out and not yet answered at one time: 1 for a runtime that serves one at
   * a time, up to {@code AWS_LAMBDA_MAX_CONCURRENCY} for one that polls concurrently.
   */
  public int peakConcurrency() {
    return invocations.peakConcurrency();
  }

  /**
   * SnapStart: whether the runtime asked for its snapshot ({@code /restore/next}) and was restored (the call was
   * answered). Always false without {@link Builder#snapStart()}.
   */
  public boolean restored() {
    return snapshots.restored();
  }

  /**
   * SnapStart: the error the runtime posted to {@code /runtime/restore/error}, if it did. Like an init error, it
   * fails queued and later invocations, and {@link #initError()} returns it too.
   */
  public Optional<RuntimeError> restoreError() {
    return snapshots.restoreError();
  }

  /**
   * The extensions the current runtime registered with the Extensions API ({@code /2020-01-01/extension}), in
   * registration order. The server emulates what an internal extension uses: {@code register} (validated as the
   * platform does: a name, no {@code SHUTDOWN} event, at most {@value Extensions#MAX}, only during init) and
   * {@code event/next} (it delivers no event). As on Lambda, the runtime's first {@code /next} is answered only
   * once every registered extension called {@code event/next}, and a registered extension is what makes
   * {@link ChildProcessRuntime#shutdown} send {@code SIGTERM}.
   */
  public List<ExtensionRegistration> extensions() {
    return extensions.snapshot();
  }

  /** Waits until a runtime is blocked in {@code /next}: initialized and idle. False on timeout. */
  public boolean awaitPolling(Duration timeout) throws InterruptedException {
    return invocations.awaitPoller(timeout);
  }

  /**
   * Every request the runtime made to the Runtime API so far, in arrival order (recorded when received, before
   * it is answered). Empty when recording is off.
   */
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  /**
   * Waits for a request, already received or still to come, that matches.
   *
   * @throws IllegalStateException recording is off
   */
  public Optional<RecordedRequest> awaitRequest(Predicate<? super RecordedRequest> matcher, Duration timeout)
      throws InterruptedException {
    return log.await(matcher, timeout);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    log.clear();
  }

  /** Makes the next call of {@code endpoint} fail with {@code fault}. */
  public void inject(Endpoint endpoint, Fault fault) {
    inject(endpoint, fault, 1);
  }

  /**
   * Makes the next {@code times} calls of {@code endpoint} fail with {@code fault}, after any faults already
   * injected for it.
   */
  public void inject(Endpoint endpoint, Fault fault, int times) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(fault, "fault");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    faults.add(endpoint, fault, times);
  }

  /** Removes the faults not used yet. */
  public void clearFaults() {
    faults.clear();
  }

  /** A runtime on a thread of this JVM; it defaults to {@code LambdaRuntime.run}. */
  public InProcessRuntime.Builder inProcess() {
    return new InProcessRuntime.Builder(this);
  }

  /** A runtime in a child JVM; it defaults to {@code LambdaRuntime}'s {@code main} and this JVM's class path. */
  public ChildProcessRuntime.Builder childProcess() {
    return new ChildProcessRuntime.Builder(this);
  }

  Invocations invocations() {
    return invocations;
  }

  /** Forgets what the previous runtime did at init (its init error, its snapshot): a fresh one starts over. */
  void newRuntime() {
    invocations.newRuntime();
    snapshots.newRuntime();
    extensions.newRuntime();
  }

  /** Whether the current runtime registered an extension, so that Lambda would send it SIGTERM. */
  boolean extensionsRegistered() {
    return extensions.any();
  }

  void manage(ManagedRuntime runtime) {
    if (closed.get()) {
      throw new IllegalStateException("the local Lambda is closed");
    }
    runtimes.add(runtime);
  }

  /**
   * Stops the server: tells in-process runtimes they are being stopped (their thread is interrupted, so one
   * waiting on the Runtime API ends quietly); closes every connection, so pending {@code /next} calls fail; fails
   * pending invocations; then stops the runtimes started through {@link #inProcess()} and {@link #childProcess()}.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (ManagedRuntime runtime : runtimes) {
      runtime.stopping();
    }
    server.close();
    invocations.close();
    for (ManagedRuntime runtime : runtimes) {
      runtime.stop();
    }
    timer.shutdownNow();
  }

  /** {@code host:port} of a bound address, with the loopback address for a wildcard one. */
  static String hostAndPort(InetSocketAddress address) {
    InetAddress host = address.getAddress();
    if (host.isAnyLocalAddress()) {
      host = InetAddress.getLoopbackAddress();
    }
    String literal = host.getHostAddress();
    return (host instanceof Inet6Address ? "[" + literal + "]" : literal) + ":" + address.getPort();
  }
}
