package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local Extensions API, driven by hand: registration as the platform validates it, readiness, and SIGTERM. */
class ExtensionsApiTest {
  private static final String NO_EVENTS = "{\"events\":[]}";

  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private static void assertRefused(HttpResponse<String> response, String errorType) {
    assertEquals(403, response.statusCode(), response.body());
    assertEquals(errorType, json(response).get("errorType").getAsString(), response.body());
  }

  @Test
  void aRegistrationIsAnsweredWithAnIdentifierAndRecorded() throws Exception {
    lambda = LocalLambda.builder().functionName("orders").start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);

    HttpResponse<String> registered = runtime.register("lambda-guice-shutdown", NO_EVENTS);

    assertEquals(200, registered.statusCode(), registered.body());
    String identifier = registered.headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
    assertEquals("orders", json(registered).get("functionName").getAsString());
    assertEquals(List.of(new ExtensionRegistration("lambda-guice-shutdown", identifier, List.of(), false)),
        lambda.extensions());
    RecordedRequest recorded = lambda.requests().get(0);
    assertEquals(Endpoint.EXTENSION_REGISTER, recorded.endpoint());
    assertEquals("lambda-guice-shutdown", recorded.header("Lambda-Extension-Name"));
  }

  @Test
  void registrationsAreValidatedAsThePlatformDoes() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);

    assertRefused(runtime.register(null, NO_EVENTS), "Extension.InvalidExtensionName");
    assertRefused(runtime.register("x", "not json"), "InvalidRequestFormat");
    assertRefused(runtime.register("x", "[]"), "InvalidRequestFormat");
    assertRefused(runtime.register("x", "{\"events\":\"INVOKE\"}"), "InvalidRequestFormat");
    assertRefused(runtime.register("x", "{\"events\":[],\"configurationKeys\":[\"A\"]}"), "InvalidRequestFormat");
    assertRefused(runtime.register("x", "{\"events\":[\"SHUTDOWN\"]}"), "Extension.InvalidEventType");
    assertRefused(runtime.register("x", "{\"events\":[\"RESTART\"]}"), "Extension.InvalidEventType");
    assertEquals(List.of(), lambda.extensions(), "nothing registered by the refused ones");
    assertEquals(200, runtime.register("x", "{\"events\":[\"INVOKE\"]}").statusCode());
    assertRefused(runtime.register("x", NO_EVENTS), "Extension.InvalidExtensionState");
    for (int i = 2; i <= Extensions.MAX; i++) {
      assertEquals(200, runtime.register("x" + i, NO_EVENTS).statusCode());
    }
    assertRefused(runtime.register("one-too-many", NO_EVENTS), "Extension.TooManyExtensions");
  }

  @Test
  void eventNextNeedsAKnownIdentifier() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);

    assertRefused(runtime.eventNextAsync(null).get(30, SECONDS), "Extension.MissingExtensionIdentifier");
    assertRefused(runtime.eventNextAsync("not-a-uuid").get(30, SECONDS), "Extension.InvalidExtensionIdentifier");
    assertRefused(runtime.eventNextAsync("0b8f5d1e-58a4-4c4b-9d0e-3f4f1c2a9b7e").get(30, SECONDS),
        "Extension.UnknownExtensionIdentifier");
  }

  @Test
  void theRuntimeGetsItsFirstInvocationOnlyOnceEachExtensionCalledEventNext() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    String identifier = runtime.register("ext", NO_EVENTS).headers().firstValue("Lambda-Extension-Identifier")
        .orElseThrow();
    CompletableFuture<InvokeResult> invoked = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());

    CompletableFuture<HttpResponse<String>> next = runtime.nextAsync();
    assertTrue(lambda.awaitRequest(r -> r.endpoint() == Endpoint.NEXT, Duration.ofSeconds(30)).isPresent());
    assertFalse(lambda.awaitPolling(Duration.ZERO), "/next waits for the extension's init, not for an invocation");
    assertFalse(next.isDone());

    CompletableFuture<HttpResponse<String>> poll = runtime.eventNextAsync(identifier);
    HttpResponse<String> taken = next.get(30, SECONDS);
    assertEquals(200, taken.statusCode());
    assertTrue(lambda.extensions().get(0).ready());
    assertFalse(poll.isDone(), "an extension without events gets none");
    runtime.respond(taken.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow(), "1");
    assertEquals("1", invoked.get(30, SECONDS).bodyAsString());
    assertRefused(runtime.register("late", NO_EVENTS), "Extension.RegistrationClosed");
  }

  @Test
  void shutdownWithoutARegisteredExtensionKillsTheProcessAtOnce() throws Exception {
    lambda = LocalLambda.start();
    ChildProcessRuntime child = lambda.childProcess().mainClass(FakeRuntime.class).start();
    assertTrue(lambda.awaitPolling(Duration.ofSeconds(30)));

    RuntimeShutdown shutdown = child.shutdown(Duration.ofSeconds(30));

    assertFalse(shutdown.sigterm(), "no extension, no SIGTERM");
    assertFalse(shutdown.exitedWithinBudget());
    assertEquals(128 + 9, shutdown.exitCode(), "SIGKILL");
    assertFalse(child.isAlive());
  }

  @Test
  void aSupervisedRestartForgetsThePreviousRuntimesExtensions() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    assertEquals(200, runtime.register("ext", NO_EVENTS).statusCode());

    lambda.newRuntime();

    assertEquals(List.of(), lambda.extensions());
    assertEquals(200, runtime.register("ext", NO_EVENTS).statusCode(), "the name is free again");
  }
}
