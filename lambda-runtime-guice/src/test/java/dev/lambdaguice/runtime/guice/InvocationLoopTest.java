package dev.lambdaguice.runtime.guice;

import static dev.lambdaguice.runtime.guice.MockRuntimeApi.json;
import static dev.lambdaguice.runtime.guice.MockRuntimeApi.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import dev.lambdaguice.runtime.guice.fixtures.FixtureModule;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** The loop's answers to each status and header the Runtime API can send, with exact control of the server. */
class InvocationLoopTest {

  private static final String FIXTURES = FixtureModule.class.getName();
  private static final String GREETING = "{\"name\":\"ada\",\"times\":2}";
  private static final String NEXT = "GET /2018-06-01/runtime/invocation/next";

  private static MockResponse.Builder stop() {
    return new MockResponse.Builder().code(500).body("Container error. Non-recoverable state.");
  }

  @Test
  void answersAndGoesOnUntilA500OnNext() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.invocation("r1", GREETING).status(202).invocation("r2", GREETING).status(202).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "greet"));
      List<RecordedRequest> requests = api.requests();
      assertEquals(List.of(NEXT, "POST /2018-06-01/runtime/invocation/r1/response", NEXT,
          "POST /2018-06-01/runtime/invocation/r2/response", NEXT), requests.stream().map(MockRuntimeApi::path).toList());
      JsonObject reply = json(requests.get(1));
      assertEquals("hello ada x2", reply.get("message").getAsString());
      assertEquals("r1", reply.get("requestId").getAsString());
      assertEquals("application/json", requests.get(1).getHeaders().get("Content-Type").split(";")[0]);
      assertEquals(0, requests.get(1).getConnectionIndex() - requests.get(0).getConnectionIndex(),
          "one kept-alive connection serves /next and /response");
    }
  }

  @Test
  void tooLargeResponseIsLoggedNeverFollowedByAnError() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.invocation("r1", GREETING).status(413).invocation("r2", GREETING).status(202).next(stop());
      api.run(FIXTURES, "greet");
      assertEquals(List.of(NEXT, "POST /2018-06-01/runtime/invocation/r1/response", NEXT,
          "POST /2018-06-01/runtime/invocation/r2/response", NEXT),
          api.requests().stream().map(MockRuntimeApi::path).toList());
      assertTrue(api.logs().contains("413"), api.logs());
    }
  }

  @Test
  void refusedPostsAreLoggedAndTheLoopGoesOn() throws Exception {
    for (int status : new int[] {400, 403, 410}) {
      try (MockRuntimeApi api = new MockRuntimeApi()) {
        api.invocation("r1", GREETING).status(status).invocation("r2", "\"x\"").status(status)
            .invocation("r3", GREETING).status(202).next(stop());
        assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "greet"));
        List<String> paths = api.requests().stream().map(MockRuntimeApi::path).toList();
        assertEquals(7, paths.size(), "status " + status + ": " + paths);
        assertEquals("POST /2018-06-01/runtime/invocation/r2/error", paths.get(3));
        assertEquals("POST /2018-06-01/runtime/invocation/r3/response", paths.get(5));
      }
    }
  }

  @Test
  void anEventOverTheClientsLimitIsAnsweredAsAnInvalidInvocationAndTheLoopGoesOn() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      okio.Buffer huge = new okio.Buffer().write(new byte[RuntimeApiClient.MAX_EVENT_BYTES + 1]);
      api.next(new MockResponse.Builder()
              .addHeader("Lambda-Runtime-Aws-Request-Id", "r1")
              .addHeader("Lambda-Runtime-Deadline-Ms", System.currentTimeMillis() + 30_000)
              .body(huge))
          .status(202).invocation("r2", GREETING).status(202).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "greet"));
      List<RecordedRequest> requests = api.requests();
      assertEquals(List.of(NEXT, "POST /2018-06-01/runtime/invocation/r1/error", NEXT,
          "POST /2018-06-01/runtime/invocation/r2/response", NEXT), requests.stream().map(MockRuntimeApi::path).toList());
      assertEquals("Runtime.InvalidInvocation", requests.get(1).getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      assertTrue(json(requests.get(1)).get("errorMessage").getAsString().contains("too large"),
          () -> json(requests.get(1)).toString());
    }
  }

  @Test
  void aNonAsciiInvocationIdIsEchoedAsSentAndTheInvocationAnswered() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(new MockResponse.Builder()
              .addHeader("Lambda-Runtime-Aws-Request-Id", "r1")
              .addHeader("Lambda-Runtime-Deadline-Ms", System.currentTimeMillis() + 30_000)
              .addHeaderLenient("Lambda-Runtime-Invocation-Id", "inv-\u00e9\u4e2d")
              .body(GREETING))
          .status(202).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "greet"));
      List<RecordedRequest> requests = api.requests();
      assertEquals("POST /2018-06-01/runtime/invocation/r1/response", path(requests.get(1)));
      assertEquals("inv-\u00e9\u4e2d", requests.get(1).getHeaders().get("Lambda-Runtime-Invocation-Id"));
    }
  }

  @Test
  void aServerErrorOnResponseEndsTheProcess() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.invocation("r1", GREETING).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "greet"));
      assertEquals(2, api.requests().size(), "no /error after the failed /response");
    }
  }

  @Test
  void aDroppedConnectionOnNextEndsTheProcess() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true)));
      api.next(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true)));
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "greet"));
    }
  }

  @Test
  void aRefusedConnectionOnNextEndsTheProcess() throws Exception {
    MockRuntimeApi api = new MockRuntimeApi();
    api.close();
    assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "greet"));
  }

  @Test
  void invocationIdIsEchoedOnResponseAndError() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(withIds("r1", "inv-1").body(GREETING)).status(202)
          .next(withIds("r2", "inv-2").body("[1]")).status(202)
          .invocation("r3", GREETING).status(202).next(stop());
      api.run(FIXTURES, "greet");
      List<RecordedRequest> requests = api.requests();
      assertEquals("inv-1", requests.get(1).getHeaders().get("Lambda-Runtime-Invocation-Id"));
      assertEquals("POST /2018-06-01/runtime/invocation/r2/error", path(requests.get(3)));
      assertEquals("inv-2", requests.get(3).getHeaders().get("Lambda-Runtime-Invocation-Id"));
      assertNull(requests.get(5).getHeaders().get("Lambda-Runtime-Invocation-Id"), "not sent when not received");
    }
  }

  @Test
  void garbledDeadlineIsAnsweredWithAnError() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(new MockResponse.Builder().addHeader("Lambda-Runtime-Aws-Request-Id", "r1")
              .addHeader("Lambda-Runtime-Deadline-Ms", "soon").addHeader("Lambda-Runtime-Invocation-Id", "i1")
              .body(GREETING))
          .status(202).next(stop());
      api.run(FIXTURES, "greet");
      List<RecordedRequest> requests = api.requests();
      assertEquals("POST /2018-06-01/runtime/invocation/r1/error", path(requests.get(1)));
      assertEquals("Runtime.InvalidInvocation", requests.get(1).getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      assertEquals("i1", requests.get(1).getHeaders().get("Lambda-Runtime-Invocation-Id"));
      assertTrue(json(requests.get(1)).get("errorMessage").getAsString().contains("'soon'"));
    }
  }

  @Test
  void invocationWithoutRequestIdCannotBeAnsweredAndIsSkipped() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(new MockResponse.Builder().addHeader("Lambda-Runtime-Deadline-Ms", "1").body(GREETING))
          .invocation("r2", GREETING).status(202).next(stop());
      api.run(FIXTURES, "greet");
      assertEquals(List.of(NEXT, NEXT, "POST /2018-06-01/runtime/invocation/r2/response", NEXT),
          api.requests().stream().map(MockRuntimeApi::path).toList());
    }
  }

  @Test
  void garbledClientContextIsAnsweredWithAnError() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(withIds("r1", null).addHeader("Lambda-Runtime-Client-Context", "{not json").body(GREETING))
          .status(202).next(stop());
      api.run(FIXTURES, "greet");
      RecordedRequest error = api.requests().get(1);
      assertEquals("POST /2018-06-01/runtime/invocation/r1/error", path(error));
      assertTrue(json(error).get("errorMessage").getAsString().contains("Lambda-Runtime-Client-Context"));
    }
  }

  @Test
  void handlerExceptionIsReportedWithClassFramesAndXRayCause() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.invocation("r1", "{}").status(202).next(stop());
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(FIXTURES, "throw"));
      RecordedRequest error = api.requests().get(1);
      assertEquals("Runtime.UserException", error.getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      JsonObject body = json(error);
      assertEquals("java.lang.IllegalStateException", body.get("errorType").getAsString());
      assertEquals("boom", body.get("errorMessage").getAsString());
      String trace = body.get("stackTrace").toString();
      assertTrue(trace.contains("ThrowingHandler.handle") && trace.contains("Caused by: java.io.IOException"), trace);
      String cause = error.getHeaders().get("Lambda-Runtime-Function-XRay-Error-Cause");
      assertTrue(cause != null && cause.contains("\"exceptions\""), String.valueOf(cause));
    }
  }

  @Test
  void anErrorIsReportedThenTheProcessExits() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.invocation("r1", "\"error\"").status(202);
      assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, api.run(FIXTURES, "throw"));
      List<RecordedRequest> requests = api.requests();
      assertEquals(2, requests.size(), "no /next after the Error");
      assertEquals("Runtime.FatalError", requests.get(1).getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      assertEquals("java.lang.OutOfMemoryError", json(requests.get(1)).get("errorType").getAsString());
    }
  }

  private static MockResponse.Builder withIds(String requestId, String invocationId) {
    MockResponse.Builder response = new MockResponse.Builder()
        .addHeader("Lambda-Runtime-Aws-Request-Id", requestId)
        .addHeader("Lambda-Runtime-Deadline-Ms", System.currentTimeMillis() + 30_000);
    return invocationId == null ? response : response.addHeader("Lambda-Runtime-Invocation-Id", invocationId);
  }
}
