package dev.lambdaguice.test;

import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.StreamingInvocation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.opentest4j.AssertionFailedError;

/**
 * Invokes the handler keys of a test's application, as Lambda would: each key is its own local function, whose
 * runtime starts (and runs the application's init) on the key's first invocation and serves the rest of the test
 * class. Injected into test methods by {@link LambdaTest} (or {@link LambdaExtension}).
 *
 * <p>Invocations do not throw on a function error: the returned {@link Invocation} carries it, and
 * {@link Invocation#assertSuccess()} or {@link Invocation#assertError(String)} check it.
 */
public final class LambdaClient implements AutoCloseable {

  private final TestConfig config;
  private final TestLogSession session;
  private final PrintStream logOutput;
  private final Map<String, TestFunction> functions = new LinkedHashMap<>();
  private boolean closed;

  LambdaClient(TestConfig config, TestLogSession session) {
    this.config = config;
    this.session = session;
    this.logOutput = new LineSink(session.logs(), session.print()).printStream();
    session.logs().collector(this::logs);
  }

  /** Invokes {@code key} with a JSON event, sent as written. */
  public Invocation invoke(String key, String json) {
    return invoke(key, json, InvokeOptions.none());
  }

  /**
   * Invokes {@code key} with an object, sent as the JSON the test's Gson makes of it (a {@code Map}, a record, a
   * {@code JsonElement}; for a JSON string value pass {@code new JsonPrimitive("text")}).
   */
  public Invocation invoke(String key, Object event) {
    return invoke(key, config.gson().toJson(event), InvokeOptions.none());
  }

  /** Invokes {@code key} with a JSON event and the invocation's trace id, client context, identity or tenant. */
  public Invocation invoke(String key, String json, InvokeOptions options) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(options, "options");
    TestFunction function = function(key);
    long mark = session.logs().mark();
    InvokeResult result = answer(key, function, mark, lambda -> lambda.invoke(json, options));
    function.collectOutput(session.logs());
    List<String> logs = session.logs().since(mark);
    if (config.maxConcurrency() > 1) { // other invocations ran meanwhile: keep the lines of this one
      logs = logs.stream().filter(line -> line.contains(result.requestId())).toList();
    }
    return new Invocation(key, result.requestId(), result.error(), result.errorType(),
        result.error() ? result.errorMessage() : null, result.contentType(), result.bodyAsString(), logs,
        config.gson());
  }

  /**
   * Invokes {@code key} with a JSON event, sent as written, like Lambda's {@code InvokeWithResponseStream}: returns
   * once the response starts, and the returned invocation reads it while the function still writes. A function
   * that does not stream answers in one piece. Close it (or read it to its end) before the next invocation of
   * the same key, whose runtime is busy until this stream ends.
   */
  public StreamedInvocation invokeStreaming(String key, String json) {
    return invokeStreaming(key, json, InvokeOptions.none());
  }

  /** As {@link #invokeStreaming(String, String)}, with the invocation's trace id, client context, identity or tenant. */
  public StreamedInvocation invokeStreaming(String key, String json, InvokeOptions options) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(options, "options");
    TestFunction function = function(key);
    long mark = session.logs().mark();
    StreamingInvocation invocation = answer(key, function, mark, lambda -> lambda.invokeStreaming(json, options));
    return new StreamedInvocation(key, invocation, () -> {
      function.collectOutput(session.logs());
      return session.logs().since(mark);
    });
  }

  /** Invokes {@code key} with the event in {@code file}. */
  public Invocation invokeFile(String key, Path file) {
    return invoke(key, Events.file(file));
  }

  /** Invokes {@code key} with the event fixture {@code name} from {@code src/test/resources/events/}; see {@link Events}. */
  public Invocation invokeEvent(String key, String name) {
    return invoke(key, Events.read(name));
  }

  /**
   * The local Lambda serving {@code key}, started if it was not: for what the client does not cover, such as the
   * requests the runtime made ({@link LocalLambda#requests()}), injected faults or the init error.
   */
  public LocalLambda lambda(String key) {
    return function(key).lambda();
  }

  /**
   * Completes with the exit code of the runtime serving {@code key} (started if it was not) when that runtime ends:
   * after a failed init, a fatal error, or when the test class's functions stop. Not done while it serves.
   */
  public CompletableFuture<Integer> exitCode(String key) {
    return function(key).exitCode();
  }

  /** The log lines of the current test so far. */
  public CapturedLogs logs() {
    synchronized (this) {
      functions.values().forEach(function -> function.collectOutput(session.logs()));
    }
    return session.logs();
  }

  /**
   * Stops every function, so that the next invocation of a key starts a fresh runtime whose init runs again, like
   * a cold start: for tests that each need fresh state, from a {@code @BeforeEach} method.
   */
  public synchronized void restart() {
    functions.values().forEach(TestFunction::close);
    functions.clear();
  }

  /** Stops every function this client started. */
  @Override
  public synchronized void close() {
    closed = true;
    functions.values().forEach(TestFunction::close);
    functions.clear();
  }

  private synchronized TestFunction function(String key) {
    Objects.requireNonNull(key, "key");
    if (closed) {
      throw new IllegalStateException("the test class's functions are stopped");
    }
    TestFunction function = functions.get(key);
    if (function == null) {
      try {
        function = TestFunction.start(key, config, logOutput);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start a local Lambda for '" + key + "'", e);
      }
      functions.put(key, function);
    }
    return function;
  }

  private String logLines(long mark) {
    StringBuilder text = new StringBuilder();
    for (String line : session.logs().since(mark)) {
      text.append("\n  ").append(line.replace("\r", "\n    "));
    }
    return text.length() == 0 ? "" : "\nlog lines:" + text;
  }

  /** One call to the function's local Lambda, which may time out. */
  @FunctionalInterface
  private interface LocalCall<T> {
    T call(LocalLambda lambda) throws InterruptedException, TimeoutException;
  }

  /** Makes {@code call}; no answer in time fails the test with the function's log lines since {@code mark}. */
  private <T> T answer(String key, TestFunction function, long mark, LocalCall<T> call) {
    try {
      return call.call(function.lambda());
    } catch (TimeoutException e) {
      function.collectOutput(session.logs());
      throw new AssertionFailedError("'" + key + "' gave no answer: " + e.getMessage() + logLines(mark), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted while invoking '" + key + "'", e);
    }
  }
}
