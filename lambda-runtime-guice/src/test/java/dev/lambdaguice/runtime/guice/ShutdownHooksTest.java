package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.guice.fixtures.HookModules;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Shutdown hooks against a scripted Runtime API, with a termination the test triggers in place of SIGTERM: the
 * extension registration on the wire, and what a "SIGTERM" runs. The real signal is tested end to end in
 * lambda-runtime-e2e.
 */
class ShutdownHooksTest {

  private static final String SHUTDOWN = HookModules.Shutdown.class.getName();
  private static final String GREETING = "{\"name\":\"ada\",\"times\":1}";
  private static final String REGISTER = "POST /2020-01-01/extension/register";
  private static final String EVENT_NEXT = "GET /2020-01-01/extension/event/next";
  private static final String NEXT = "GET /2018-06-01/runtime/invocation/next";

  /** Stands in for SIGTERM: the test runs what the runtime arranged, and sees the exit status it asked for. */
  private static final class TestTermination implements Termination {
    volatile Runnable onTerm;
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    @Override
    public boolean onTerminate(Runnable onTerm) {
      this.onTerm = onTerm;
      return true;
    }

    @Override
    public void exit(int status) {
      exit.complete(status);
    }
  }

  private static MockResponse.Builder stop() {
    return new MockResponse.Builder().code(500).body("Container error. Non-recoverable state.");
  }

  private static void assertInOrder(String log, String... lines) {
    int at = -1;
    for (String line : lines) {
      int next = log.indexOf(line, at + 1);
      assertTrue(next > at, "'" + line + "' after the previous line in:\n" + log);
      at = next;
    }
  }

  @Test
  void registersAnExtensionWithoutEventsBeforeTheFirstNextAndPollsWithItsIdentifier() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      TestTermination termination = new TestTermination();
      api.invocation("r1", GREETING).status(202).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(termination, SHUTDOWN, "greet"));

      RecordedRequest first = api.server.takeRequest();
      assertEquals(REGISTER, MockRuntimeApi.path(first), "the registration comes first, during init");
      assertEquals("lambda-guice-shutdown", first.getHeaders().get("Lambda-Extension-Name"));
      assertEquals("{\"events\":[]}", first.getBody().utf8());
      RecordedRequest poll = api.await(r -> MockRuntimeApi.path(r).equals(EVENT_NEXT));
      assertEquals(MockRuntimeApi.EXTENSION_ID, poll.getHeaders().get("Lambda-Extension-Identifier"));
      assertNotNull(termination.onTerm, "SIGTERM is listened for");
      assertFalse(termination.exit.isDone());
    }
  }

  @Test
  void onSigtermTheHooksRunInBindingOrderAndTheProcessExitsWith0() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      TestTermination termination = new TestTermination();
      api.next(stop());
      api.run(termination, SHUTDOWN, "greet");

      termination.onTerm.run();

      assertEquals(0, termination.exit.get(30, TimeUnit.SECONDS));
      assertInOrder(api.logs(), "SIGTERM: running 2 shutdown hooks within 400 ms", "hook shutdown-1 ran",
          "hook shutdown-2 ran", "Shutdown hooks finished in");
      assertFalse(api.logs().contains(" WARN "), api.logs());
    }
  }

  @Test
  void aHookThatThrowsIsLoggedTheNextRunsAndOneThatHangsIsNamedWhenTheBudgetIsSpent() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      TestTermination termination = new TestTermination();
      api.env("LAMBDA_GUICE_SHUTDOWN_BUDGET_MS", "200").next(stop());
      api.run(termination, HookModules.TroubledShutdown.class.getName(), "greet");

      termination.onTerm.run();

      assertEquals(0, termination.exit.get(30, TimeUnit.SECONDS), "the process exits all the same");
      String log = api.logs();
      assertInOrder(log, "SIGTERM: running 4 shutdown hooks within 200 ms",
          "WARN dev.lambdaguice.runtime Shutdown hook " + HookModules.FailingHook.class.getName()
              + " failed: java.lang.IllegalStateException: the pool would not close",
          "hook after-the-failing-one ran",
          "WARN dev.lambdaguice.runtime Shutdown hooks did not finish within 200 ms (LAMBDA_GUICE_SHUTDOWN_BUDGET_MS): "
              + HookModules.HangingHook.class.getName() + " (still running), "
              + HookModules.LoggingHook.class.getName() + " (not started); exiting");
      assertFalse(log.contains("hook never-started ran"), log);
    }
  }

  @Test
  void withoutShutdownHooksNothingIsRegisteredAndSigtermIsNotListenedFor() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      TestTermination termination = new TestTermination();
      api.invocation("r1", GREETING).status(202).next(stop());
      api.run(termination, HookModules.Ordered.class.getName(), "greet");

      assertEquals(List.of(NEXT, "POST /2018-06-01/runtime/invocation/r1/response", NEXT),
          api.requests().stream().map(MockRuntimeApi::path).toList());
      assertNull(termination.onTerm);
    }
  }

  @Test
  void aRuntimeThatDoesNotOwnItsProcessRegistersNothingAndSaysSo() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(stop());
      api.run(SHUTDOWN, "greet"); // in process: Termination.NONE

      assertEquals(List.of(NEXT), api.requests().stream().map(MockRuntimeApi::path).toList());
      assertTrue(api.logs().contains("2 shutdown hooks are bound, but this runtime cannot hear SIGTERM"), api.logs());
    }
  }

  @Test
  void aRefusedRegistrationIsAWarningAndTheRuntimeServesOn() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      TestTermination termination = new TestTermination();
      api.registerAnswer(new MockResponse.Builder().code(403)
          .body("{\"errorMessage\":\"Extension limit (10) reached\",\"errorType\":\"Extension.TooManyExtensions\"}"));
      api.invocation("r1", GREETING).status(202).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(termination, SHUTDOWN, "greet"));

      List<String> paths = api.requests().stream().map(MockRuntimeApi::path).toList();
      assertEquals(List.of(REGISTER, NEXT, "POST /2018-06-01/runtime/invocation/r1/response", NEXT), paths);
      assertTrue(api.logs().contains("WARN dev.lambdaguice.runtime Could not register the internal extension"
          + " lambda-guice-shutdown") && api.logs().contains("Extension.TooManyExtensions"), api.logs());
    }
  }

  @Test
  void aBudgetThatIsNotAPositiveNumberIsAnInvalidConfigurationInitError() throws Exception {
    for (String budget : new String[] {"half a second", "0", "-5"}) {
      try (MockRuntimeApi api = new MockRuntimeApi()) {
        api.env("LAMBDA_GUICE_SHUTDOWN_BUDGET_MS", budget).status(202);
        assertEquals(LambdaRuntime.EXIT_INIT_FAILED, api.run(new TestTermination(), SHUTDOWN, "greet"));

        RecordedRequest request = api.requests().get(0);
        assertEquals("POST /2018-06-01/runtime/init/error", MockRuntimeApi.path(request), "nothing registered");
        assertEquals("Runtime.InvalidConfiguration", request.getHeaders().get("Lambda-Runtime-Function-Error-Type"));
        String message = MockRuntimeApi.json(request).get("errorMessage").getAsString();
        assertTrue(message.contains("LAMBDA_GUICE_SHUTDOWN_BUDGET_MS must be a whole number of milliseconds above 0")
            && message.contains("'" + budget + "'"), message);
      }
    }
  }

  @Test
  void withSnapStartTheExtensionRegistersBeforeTheSnapshot() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.env("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")
          .next(new MockResponse.Builder().code(200)).next(stop());
      api.run(new TestTermination(), SHUTDOWN, "greet");

      List<String> paths = api.requests().stream().map(MockRuntimeApi::path)
          .filter(p -> !p.equals(EVENT_NEXT)).toList();
      assertEquals(List.of(REGISTER, "GET /2018-06-01/runtime/restore/next", NEXT), paths);
    }
  }
}
