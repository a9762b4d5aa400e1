package dev.lambdaguice.runtime.guice;

import static dev.lambdaguice.runtime.guice.MockRuntimeApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.guice.fixtures.HookModules;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The SnapStart sequence on the wire, against a scripted Runtime API: what is called, in which order, and when not. */
class SnapStartTest {

  private static final String ORDERED = HookModules.Ordered.class.getName();
  private static final String GREETING = "{\"name\":\"ada\",\"times\":1}";
  private static final String RESTORE_NEXT = "GET /2018-06-01/runtime/restore/next";
  private static final String NEXT = "GET /2018-06-01/runtime/invocation/next";

  private static MockResponse.Builder restored() {
    return new MockResponse.Builder().code(200);
  }

  private static MockResponse.Builder stop() {
    return new MockResponse.Builder().code(500).body("Container error. Non-recoverable state.");
  }

  private static MockRuntimeApi snapStart(MockRuntimeApi api) {
    return api.env("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
  }

  /** The positions of {@code lines} in {@code log}, each of which must be there. */
  private static void assertInOrder(String log, String... lines) {
    int at = -1;
    for (String line : lines) {
      int next = log.indexOf(line, at + 1);
      assertTrue(next > at, "'" + line + "' after the previous line in:\n" + log);
      at = next;
    }
  }

  @Test
  void primesThenRunsBeforeHooksThenWaitsForTheRestoreThenRunsAfterHooksInReverseThenServes() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.next(restored()).invocation("r1", GREETING).status(202).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(ORDERED, "greet"));

      List<RecordedRequest> requests = api.requests();
      assertEquals(List.of(RESTORE_NEXT, NEXT, "POST /2018-06-01/runtime/invocation/r1/response", NEXT),
          requests.stream().map(MockRuntimeApi::path).toList(), "priming posts nothing");
      assertNotEquals(requests.get(0).getConnectionIndex(), requests.get(1).getConnectionIndex(),
          "/next goes out on a fresh connection after the restore");
      String log = api.logs();
      assertInOrder(log, "greeted priming-1 deadline-ahead=true", "greeted priming-2", "Primed handler 'greet' with 2 events",
          "hook before-1 ran", "hook before-2 ran", "Ready for the SnapStart snapshot after 2 before-checkpoint hooks",
          "hook after-2 ran", "hook after-1 ran", "Restored from the SnapStart snapshot; 2 after-restore hooks ran",
          "greeted r1");
      assertFalse(log.contains("priming-3"), "only the events bound for the served key: " + log);
      assertFalse(log.contains("warm"), "payloads are not logged");
    }
  }

  @Test
  void primingRunsInTheInvocationScopeLikeAnInvocation() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.next(restored()).invocation("r1", GREETING).status(202).next(stop());
      api.run(HookModules.ScopedPriming.class.getName(), "greet");

      String log = api.logs();
      assertInOrder(log, "priming-1 INFO fixtures.hooks scoped priming-1 tally 1", "r1 INFO fixtures.hooks scoped r1 tally 1");
    }
  }

  @Test
  void acrossModulesTheOrderIsTheOrderOfTheModulesVariable() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.next(restored()).next(stop());
      api.run(ORDERED + "," + HookModules.Later.class.getName(), "greet");

      assertInOrder(api.logs(), "hook before-1 ran", "hook before-2 ran", "hook before-3 ran",
          "hook after-3 ran", "hook after-2 ran", "hook after-1 ran");
    }
  }

  @Test
  void withoutSnapStartNoHookRunsNothingIsPrimedAndNoRestoreIsCalled() throws Exception {
    for (String initType : new String[] {null, "on-demand", "provisioned-concurrency"}) {
      try (MockRuntimeApi api = new MockRuntimeApi()) {
        if (initType != null) {
          api.env("AWS_LAMBDA_INITIALIZATION_TYPE", initType);
        }
        api.invocation("r1", GREETING).status(202).next(stop());
        assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(ORDERED, "greet"));

        assertEquals(List.of(NEXT, "POST /2018-06-01/runtime/invocation/r1/response", NEXT),
            api.requests().stream().map(MockRuntimeApi::path).toList(), "init type " + initType);
        String log = api.logs();
        assertFalse(log.contains("hook ") || log.contains("priming") || log.contains("SnapStart"), log);
      }
    }
  }

  @Test
  void aFailingBeforeCheckpointHookIsAnInitErrorAndNoSnapshotIsTaken() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.status(202);
      assertEquals(LambdaRuntime.EXIT_INIT_FAILED, api.run(HookModules.FailingBeforeCheckpoint.class.getName(), "greet"));

      List<RecordedRequest> requests = api.requests();
      assertEquals(List.of("POST /2018-06-01/runtime/init/error"), requests.stream().map(MockRuntimeApi::path).toList(),
          "no /restore/next");
      assertEquals("Runtime.BeforeCheckpointError",
          requests.get(0).getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      JsonObject body = json(requests.get(0));
      assertEquals("Runtime.BeforeCheckpointError", body.get("errorType").getAsString());
      String message = body.get("errorMessage").getAsString();
      assertTrue(message.contains("Before-checkpoint hook " + HookModules.FailingHook.class.getName() + " failed")
          && message.contains("the pool would not close"), message);
      assertTrue(body.get("stackTrace").toString().contains("FailingHook.run"), "the hook's frames are kept");
      assertFalse(api.logs().contains("after-the-failure"), "later hooks do not run");
      assertTrue(api.logs().contains("Init failed: Runtime.BeforeCheckpointError"), api.logs());
    }
  }

  @Test
  void aPrimingEventThatDoesNotFitIsAnInitErrorNamingItsPlaceNotItsContent() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.status(202);
      assertEquals(LambdaRuntime.EXIT_INIT_FAILED, api.run(HookModules.BadPrimingEvent.class.getName(), "greet"));

      RecordedRequest request = api.requests().get(0);
      assertEquals("Runtime.BeforeCheckpointError", request.getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      String message = json(request).get("errorMessage").getAsString();
      assertTrue(message.contains("Priming event 1 of 1 for handler 'greet' failed")
          && message.contains("does not fit"), message);
      assertFalse(message.contains("secret-value") || api.logs().contains("secret-value"), "no payload: " + message);
    }
  }

  @Test
  void aFailingAfterRestoreHookIsPostedToRestoreErrorAndTheProcessExits() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.next(restored()).status(202);
      assertEquals(LambdaRuntime.EXIT_RESTORE_FAILED,
          api.run(HookModules.FailingAfterRestore.class.getName(), "greet"));

      List<RecordedRequest> requests = api.requests();
      assertEquals(List.of(RESTORE_NEXT, "POST /2018-06-01/runtime/restore/error"),
          requests.stream().map(MockRuntimeApi::path).toList(), "no /next");
      assertEquals("Runtime.AfterRestoreError", requests.get(1).getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      JsonObject body = json(requests.get(1));
      assertEquals("Runtime.AfterRestoreError", body.get("errorType").getAsString());
      assertTrue(body.get("errorMessage").getAsString().contains("the pool would not close"), body.toString());
      assertTrue(api.logs().contains("Restore failed: Runtime.AfterRestoreError"), api.logs());
    }
  }

  @Test
  void aContainerErrorOnRestoreNextEndsTheProcessWithoutHooks() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(ORDERED, "greet"));

      assertEquals(List.of(RESTORE_NEXT), api.requests().stream().map(MockRuntimeApi::path).toList());
      assertTrue(api.logs().contains("The Runtime API failed on /restore/next, exiting"), api.logs());
      assertFalse(api.logs().contains("hook after-"), api.logs());
    }
  }

  @Test
  void aStreamingHandlerIsPrimedWithAStreamThatDiscardsItsBytes() throws Exception {
    try (MockRuntimeApi api = snapStart(new MockRuntimeApi())) {
      api.next(restored()).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED,
          api.run(dev.lambdaguice.runtime.guice.fixtures.StreamingModule.Primed.class.getName(), "greet-lines"));
      assertEquals(List.of(RESTORE_NEXT, NEXT), api.requests().stream().map(MockRuntimeApi::path).toList(),
          "priming posts nothing");
      assertTrue(api.logs().contains("Primed handler 'greet-lines' with 1 event"), api.logs());
    }
  }
}
