package dev.lambdaguice.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared client through the real runtime, against MockWebServer. */
@LambdaTest(modules = FetchModule.class, timeoutSeconds = 3)
class HttpClientEndToEndTest {

  private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String event(String path, String mode) {
    return "{\"url\":\"" + server.url(path) + "\",\"mode\":\"" + mode + "\",\"id\":\"" + path + "\"}";
  }

  @Test
  void callsCarryTheInvocationsTraceHeader(LambdaClient lambda) throws Exception {
    server.enqueue(new MockResponse.Builder().body("stock: 3").build());
    Invocation result = lambda.invoke("fetch", event("/stock", "throw"), InvokeOptions.none().withTraceId(TRACE));
    assertEquals("stock: 3", result.assertSuccess().bodyAs(JsonObject.class).get("body").getAsString());
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertEquals(TRACE, request.getHeaders().get("X-Amzn-Trace-Id"));
  }

  @Test
  void aSlowServerBecomesAnExceptionBeforeTheDeadline(LambdaClient lambda) {
    server.enqueue(new MockResponse.Builder().body("late").headersDelay(30, TimeUnit.SECONDS).build());
    JsonObject answer = lambda.invoke("fetch", event("/slow", "catch")).assertSuccess().bodyAs(JsonObject.class);
    assertTrue(answer.get("deadline").getAsString().startsWith("Cancelled GET http://" + server.getHostName() + ":"
        + server.getPort() + "/slow after "), answer.toString());
    assertTrue(answer.get("deadline").getAsString().contains(" ms, 500 ms before the deadline of invocation "),
        answer.toString());
    assertTrue(answer.get("remainingMs").getAsLong() > 0, "the handler still had time: " + answer);
  }

  @Test
  void aBodyThatTricklesPastTheDeadlineIsCutOffToo(LambdaClient lambda) {
    server.enqueue(new MockResponse.Builder().body("x".repeat(1000)).throttleBody(1, 1, TimeUnit.SECONDS).build());
    JsonObject answer = lambda.invoke("fetch", event("/trickle", "catch")).assertSuccess().bodyAs(JsonObject.class);
    assertTrue(answer.has("deadline"), answer.toString());
    assertTrue(answer.get("remainingMs").getAsLong() > 0, answer.toString());
  }

  @Test
  void anUnhandledDeadlineFailsTheInvocationClearlyInsteadOfTimingOut(LambdaClient lambda) {
    server.enqueue(new MockResponse.Builder().body("late").headersDelay(30, TimeUnit.SECONDS).build());
    Invocation result = lambda.invoke("fetch", event("/slow", "throw"));
    result.assertError("Runtime.UserException");
    assertTrue(result.body().contains("\"errorType\":\"dev.lambdaguice.http.client.DeadlineExceededException\""),
        result.body());
  }

  @Test
  void aCallOutsideAnInvocationIsNotCappedByAStaleDeadline(LambdaClient lambda) throws Exception {
    server.enqueue(new MockResponse.Builder().body("slow but fine").headersDelay(4, TimeUnit.SECONDS).build());
    lambda.invoke("fetch", event("/background", "background")).assertSuccess();
    // the invocation has ended, and its 3 s deadline passes while the call waits 4 s for its answer
    String outcome = "pending";
    for (int i = 0; i < 300 && outcome.equals("pending"); i++) {
      Thread.sleep(100);
      outcome = lambda.invoke("fetch", event("/background", "outcome")).assertSuccess()
          .bodyAs(JsonObject.class).get("outcome").getAsString();
    }
    assertEquals("slow but fine", outcome);
    assertNull(server.takeRequest(10, TimeUnit.SECONDS).getHeaders().get("X-Amzn-Trace-Id"));
  }
}
