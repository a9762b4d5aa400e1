package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.REQ_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.invocation;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance of the status codes the Runtime API uses, on every endpoint: what the caller gets, and that the
 * connection is still kept alive after an answer that carried a body.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ConformanceStatusTest {

  static final String RUNTIME = "/2018-06-01/runtime/";

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  /** The three posts, each with its path. */
  enum Post {
    RESPONSE("invocation/" + REQ_ID + "/response") {
      @Override
      PostResult call(RuntimeApiClient client) throws IOException {
        return client.respond(REQ_ID, "inv-1", new byte[] {'{', '}'}, "application/json");
      }
    },
    ERROR("invocation/" + REQ_ID + "/error") {
      @Override
      PostResult call(RuntimeApiClient client) throws IOException {
        return client.error(REQ_ID, "inv-1", "Runtime.UserException", ErrorReport.of("E", "m"), null);
      }
    },
    INIT_ERROR("init/error") {
      @Override
      PostResult call(RuntimeApiClient client) throws IOException {
        return client.initError("Runtime.NoSuchHandler", ErrorReport.of("E", "m"));
      }
    };

    final String path;

    Post(String path) {
      this.path = RUNTIME + path;
    }

    abstract PostResult call(RuntimeApiClient client) throws IOException;
  }

  static String platformError(int status) {
    String type = switch (status) {
      case 400 -> "InvalidRequestID";
      case 403 -> "InvalidStateTransition";
      case 404 -> "NotFound";
      case 410 -> "Gone";
      case 413 -> "RequestEntityTooLarge";
      default -> "Status" + status;
    };
    return "{\"errorMessage\":\"the platform said " + status + "\",\"errorType\":\"" + type + "\"}";
  }

  static Stream<Arguments> postsAndAnswerStatuses() {
    List<Arguments> cases = new ArrayList<>();
    for (Post post : Post.values()) {
      for (int status : new int[] {200, 202, 400, 403, 404, 410, 413}) {
        cases.add(Arguments.of(post, status));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} answered {1}")
  @MethodSource("postsAndAnswerStatuses")
  void aPostAnsweredWithAStatusTheRuntimeHandlesIsAPostResultAndTheConnectionIsKept(Post post, int status)
      throws Exception {
    String body = platformError(status);
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
    server.enqueue(invocation("{}").build());

    PostResult result = post.call(client);
    client.next();

    assertEquals(new PostResult(status, body), result);
    RecordedRequest posted = server.takeRequest();
    assertEquals(post.path, posted.getUrl().encodedPath());
    assertEquals(posted.getConnectionIndex(), server.takeRequest().getConnectionIndex());
  }

  static Stream<Arguments> postsAndServerErrors() {
    List<Arguments> cases = new ArrayList<>();
    for (Post post : Post.values()) {
      for (int status : new int[] {500, 502, 503}) {
        cases.add(Arguments.of(post, status));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} answered {1}")
  @MethodSource("postsAndServerErrors")
  void aPostAnsweredWith5xxThrowsAndOnly500IsAContainerError(Post post, int status) throws Exception {
    String body = "{\"errorMessage\":\"boom " + status + "\"}";
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());

    IOException e = assertThrows(IOException.class, () -> post.call(client));

    assertEquals(status == 500, e instanceof ContainerErrorException, e.toString());
    assertTrue(e.getMessage().contains(post.path), e.getMessage());
    assertTrue(e.getMessage().contains("answered " + status), e.getMessage());
    assertTrue(e.getMessage().contains("boom " + status), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 410, 413, 502, 503})
  void aNon200NextNamesTheCallTheStatusAndTheBody(int status) throws Exception {
    String body = platformError(status);
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
    server.enqueue(invocation("{}").build());

    IOException e = assertThrows(IOException.class, () -> client.next());

    assertFalse(e instanceof ContainerErrorException, e.toString());
    assertFalse(e instanceof InvalidInvocationException, e.toString());
    assertTrue(e.getMessage().contains("/runtime/invocation/next"), e.getMessage());
    assertTrue(e.getMessage().endsWith("answered " + status + ": " + body), e.getMessage());
    assertEquals(REQ_ID, client.next().requestId(), "the client is usable after a refusal");
  }

  @Test
  void a500NextIsAContainerErrorNamingTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).body("{\"errorType\":\"ContainerError\"}").build());

    ContainerErrorException e = assertThrows(ContainerErrorException.class, () -> client.next());

    assertTrue(e.getMessage().contains("/runtime/invocation/next"), e.getMessage());
    assertTrue(e.getMessage().endsWith("answered 500: {\"errorType\":\"ContainerError\"}"), e.getMessage());
  }

  @Test
  void aRefusalWithoutBodyNamesTheStatusOnly() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).build());

    IOException e = assertThrows(IOException.class, () -> client.next());

    assertTrue(e.getMessage().contains("/runtime/invocation/next"), e.getMessage());
    assertTrue(e.getMessage().endsWith("answered 404"), e.getMessage());
  }

  /** Go's net/http always sends a reason phrase, but HTTP/1.1 lets it be empty. */
  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.1 202 \r\n", "HTTP/1.1 202 Whatever The Server Likes\r\n"})
  void theReasonPhraseDoesNotMatter(String statusLine) throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer(statusLine + "Content-Length: 2\r\n\r\n{}");

      assertEquals(new PostResult(202, "{}"), rawClient.respond(REQ_ID, null, new byte[0], null));
    }
  }
}
