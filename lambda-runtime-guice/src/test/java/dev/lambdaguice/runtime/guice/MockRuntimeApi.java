package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Assertions;

/**
 * A scripted Runtime API (MockWebServer) and the real runtime run against it on the test's thread. The runtime's
 * log lines are kept in {@link #logs()}, not printed. The Extensions API is answered apart from the script:
 * {@code /extension/register} with {@link #registerAnswer} (200 and identifier {@value #EXTENSION_ID} unless
 * changed), {@code /extension/event/next} never (it waits until the server closes), as for an extension without
 * events.
 */
final class MockRuntimeApi implements AutoCloseable {

  static final String EXTENSION_ID = "ext-7f3a";

  final MockWebServer server = new MockWebServer();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile MockResponse registerAnswer =
      new MockResponse.Builder().code(200).addHeader("Lambda-Extension-Identifier", EXTENSION_ID).body("{}").build();
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream logOutput = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
  private final Map<String, String> extraEnv = new HashMap<>();

  MockRuntimeApi() throws Exception {
    server.setDispatcher(new QueueDispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if (path.equals("/2020-01-01/extension/register")) {
          return registerAnswer;
        }
        if (path.equals("/2020-01-01/extension/event/next")) {
          closed.await();
          return new MockResponse.Builder().code(500).build();
        }
        return super.dispatch(request);
      }
    });
    server.start();
  }

  /** Answers {@code /extension/register} with {@code answer} instead. */
  MockRuntimeApi registerAnswer(MockResponse.Builder answer) {
    this.registerAnswer = answer.build();
    return this;
  }

  /** Queues a /next answer with the usual headers. */
  MockRuntimeApi invocation(String requestId, String body) {
    return next(new MockResponse.Builder()
        .addHeader("Lambda-Runtime-Aws-Request-Id", requestId)
        .addHeader("Lambda-Runtime-Deadline-Ms", System.currentTimeMillis() + 30_000)
        .addHeader("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:f")
        .body(body));
  }

  MockRuntimeApi next(MockResponse.Builder response) {
    server.enqueue(response.build());
    return this;
  }

  /** Queues a plain answer with this status, for a post. */
  MockRuntimeApi status(int code) {
    server.enqueue(new MockResponse.Builder().code(code).body(code == 202 ? "" : "{\"errorType\":\"X\"}").build());
    return this;
  }

  /** Adds an environment variable for {@link #run}. */
  MockRuntimeApi env(String name, String value) {
    extraEnv.put(name, value);
    return this;
  }

  /** Runs the runtime until it stops; the script must end with something that stops it. */
  int run(String modules, String... args) {
    return run(Termination.NONE, modules, args);
  }

  /** As {@link #run(String, String...)}, with shutdown hooks run by {@code termination}. */
  int run(Termination termination, String modules, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", server.getHostName() + ":" + server.getPort());
    if (modules != null) {
      env.put("LAMBDA_GUICE_MODULES", modules);
    }
    env.put("AWS_LAMBDA_FUNCTION_NAME", "f");
    env.putAll(extraEnv);
    return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> LambdaRuntime.run(env, List.of(args), logOutput, termination),
        "runtime did not stop: the test script is incomplete");
  }

  /** What the runtime logged, one record a line. */
  String logs() {
    synchronized (logOutput) {
      return logBytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Every request the runtime made, in order. */
  List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  /** Waits for a request that matches, taking (and dropping) the ones before it; fails after 30 s. */
  RecordedRequest await(Predicate<RecordedRequest> matcher) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      RecordedRequest request = server.takeRequest(100, TimeUnit.MILLISECONDS);
      if (request != null && matcher.test(request)) {
        return request;
      }
    }
    throw new AssertionError("no such request within 30 s");
  }

  static String path(RecordedRequest request) {
    return request.getMethod() + " " + request.getUrl().encodedPath();
  }

  static JsonObject json(RecordedRequest request) {
    assertNotNull(request.getBody(), "request has no body");
    return JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
  }

  @Override
  public void close() {
    closed.countDown();
    server.close();
  }
}
