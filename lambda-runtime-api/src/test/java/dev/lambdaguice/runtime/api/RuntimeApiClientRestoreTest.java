package dev.lambdaguice.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SnapStart calls of {@link RuntimeApiClient}, restoreNext and restoreError, against a MockWebServer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class RuntimeApiClientRestoreTest {

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  @Test
  void restoreNextGetsTheRestorePathAndReturnsOnA200() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("").build());

    client.restoreNext();

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/2018-06-01/runtime/restore/next", request.getUrl().encodedPath());
  }

  @Test
  void afterCloseTheNextCallGoesOutOnAFreshConnection() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    client.restoreNext();
    client.close();
    client.restoreNext();

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals(1, second.getConnectionIndex() - first.getConnectionIndex(), "a new connection after close()");
  }

  @Test
  void aRefusalOfRestoreNextIsAnIOExceptionNamingTheCallAndStatus() {
    server.enqueue(new MockResponse.Builder().code(403)
        .body("{\"errorType\":\"InvalidStateTransition\",\"errorMessage\":\"not now\"}").build());

    IOException e = assertThrows(IOException.class, client::restoreNext);

    assertTrue(e.getMessage().contains("GET /runtime/restore/next answered 403"), e.getMessage());
    assertTrue(e.getMessage().contains("InvalidStateTransition"), e.getMessage());
  }

  @Test
  void a500OnRestoreNextIsAContainerError() {
    server.enqueue(new MockResponse.Builder().code(500).body("Container error. Non-recoverable state.").build());

    assertThrows(ContainerErrorException.class, client::restoreNext);
  }

  @Test
  void restoreErrorPostsTheErrorTypeHeaderAndTheErrorJson() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).body("{\"status\":\"OK\"}").build());

    PostResult result = client.restoreError("Runtime.AfterRestoreError",
        new ErrorReport("Runtime.AfterRestoreError", "hook failed", List.of("a.B.c(B.java:1)")));

    assertTrue(result.accepted());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/2018-06-01/runtime/restore/error", request.getUrl().encodedPath());
    assertEquals("Runtime.AfterRestoreError", request.getHeaders().get(RuntimeApiHeaders.ERROR_TYPE));
    JsonObject body = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
    assertEquals("hook failed", body.get("errorMessage").getAsString());
    assertEquals("a.B.c(B.java:1)", body.getAsJsonArray("stackTrace").get(0).getAsString());
  }

  @Test
  void a500OnRestoreErrorIsAContainerErrorNamingThePath() {
    server.enqueue(new MockResponse.Builder().code(500).body("no").build());

    ContainerErrorException e = assertThrows(ContainerErrorException.class, () -> client.restoreError(
        "Runtime.AfterRestoreError", new ErrorReport("Runtime.AfterRestoreError", "x", List.of())));
    assertTrue(e.getMessage().contains("POST /2018-06-01/runtime/restore/error answered 500"), e.getMessage());
  }
}
