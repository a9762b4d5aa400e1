package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.NEXT_PATH;
import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.REQ_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.invocation;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance of the client's connection handling, asserted on the wire through MockWebServer's connection index:
 * when a connection is reused, when it must be replaced, and that a post is never sent twice.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ConformanceConnectionTest {

  final ServerClosedSockets sockets = new ServerClosedSockets();
  @RegisterExtension final MockPlatform platform = new MockPlatform(sockets); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  /** The calls that can follow a {@code /next}, each with the answer that accepts it. */
  enum Call {
    NEXT {
      @Override
      MockResponse accepted() {
        return invocation("{}").build();
      }

      @Override
      void run(RuntimeApiClient client) throws IOException {
        assertEquals(REQ_ID, client.next().requestId());
      }
    },
    RESPOND {
      @Override
      void run(RuntimeApiClient client) throws IOException {
        assertTrue(client.respond(REQ_ID, null, "\"ok\"".getBytes(StandardCharsets.UTF_8), null).accepted());
      }
    },
    ERROR {
      @Override
      void run(RuntimeApiClient client) throws IOException {
        assertTrue(client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), null).accepted());
      }
    },
    INIT_ERROR {
      @Override
      void run(RuntimeApiClient client) throws IOException {
        assertTrue(client.initError("Runtime.Unknown", ErrorReport.of("E", "m")).accepted());
      }
    };

    MockResponse accepted() {
      return new MockResponse.Builder().code(202).body("{\"status\":\"OK\"}").build();
    }

    abstract void run(RuntimeApiClient client) throws IOException;
  }

  List<RecordedRequest> takeAll() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(0, TimeUnit.SECONDS)) != null) {
      all.add(request);
    }
    return all;
  }

  // ---------------------------------------------------------------- ending a connection

  @ParameterizedTest
  @EnumSource(Call.class)
  void anHttp10AnswerEndsTheConnectionAndTheNextCallOpensANewOne(Call call) throws Exception {
    server.enqueue(invocation("{}").status("HTTP/1.0 200 OK").build());
    server.enqueue(call.accepted());

    client.next();
    call.run(client);

    List<RecordedRequest> requests = takeAll();
    assertEquals(2, requests.size());
    assertEquals(0, requests.get(0).getConnectionIndex());
    assertEquals(1, requests.get(1).getConnectionIndex(), "an HTTP/1.0 connection is not kept alive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"close", "Close", "CLOSE", "keep-alive, close"})
  void aConnectionCloseAnswerEndsTheConnectionAndTheNextCallOpensANewOne(String value) throws Exception {
    server.enqueue(invocation("{}").addHeader("Connection", value).build());
    server.enqueue(new MockResponse.Builder().code(202).addHeader("Connection", value).build());
    server.enqueue(invocation("{}").build());

    Invocation inv = client.next();
    assertTrue(client.respond(inv.requestId(), null, new byte[0], null).accepted());
    client.next();

    List<RecordedRequest> requests = takeAll();
    assertEquals(List.of(0, 1, 2), requests.stream().map(RecordedRequest::getConnectionIndex).toList());
  }

  // ---------------------------------------------------------------- stale kept-alive connection

  /**
   * Waits until the server has closed connection {@code index} and the client's connection has been idle longer
   * than {@link RuntimeApiConnection#IDLE_CHECK_NANOS}: the client checks an idle connection only after that long
   * (a server that ends a connection at once is expected to say {@code Connection: close}).
   */
  void awaitClosedAndIdle(int index, long idleSince) throws InterruptedException {
    sockets.awaitClosed(index);
    while (System.nanoTime() - idleSince <= RuntimeApiConnection.IDLE_CHECK_NANOS) {
      Thread.sleep(1);
    }
  }

  /**
   * The platform closed the idle kept-alive connection after its last answer. The next call must notice before
   * writing and send its request exactly once, on a new connection.
   */
  @ParameterizedTest
  @EnumSource(Call.class)
  void aConnectionTheServerClosedWhileIdleIsReplacedBeforeTheNextCallIsWritten(Call call) throws Exception {
    server.enqueue(invocation("{}").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(call.accepted());

    client.next();
    awaitClosedAndIdle(0, System.nanoTime());
    call.run(client);

    List<RecordedRequest> requests = takeAll();
    assertEquals(2, requests.size(), "sent exactly once: " + requests);
    assertEquals(NEXT_PATH, requests.get(0).getUrl().encodedPath());
    assertEquals(1, requests.get(1).getConnectionIndex());
    assertEquals(0, requests.get(1).getExchangeIndex());
    assertEquals(2, sockets.accepted());
  }

  @ParameterizedTest
  @EnumSource(Call.class)
  void aConnectionClosedAfterAPostAnswerIsReplacedToo(Call call) throws Exception {
    server.enqueue(invocation("{}").build());
    server.enqueue(new MockResponse.Builder().code(202)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(call.accepted());

    client.next();
    assertTrue(client.respond(REQ_ID, null, new byte[] {'1'}, null).accepted());
    awaitClosedAndIdle(0, System.nanoTime());
    call.run(client);

    List<RecordedRequest> requests = takeAll();
    assertEquals(3, requests.size(), "sent exactly once: " + requests);
    assertEquals(0, requests.get(1).getConnectionIndex());
    assertEquals(1, requests.get(2).getConnectionIndex());
  }

  // ---------------------------------------------------------------- a post is never sent twice

  static Stream<Arguments> brokenPosts() {
    List<Arguments> cases = new ArrayList<>();
    for (Call call : List.of(Call.RESPOND, Call.ERROR, Call.INIT_ERROR)) {
      // onRequestStart only acts on a connection's first exchange; onRequestBody acts as the post's body arrives
      cases.add(Arguments.of(call, "dropped while the request arrives",
          new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket()).build()));
      cases.add(Arguments.of(call, "dropped at response start",
          new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build()));
      cases.add(Arguments.of(call, "dropped in the middle of the answer",
          new MockResponse.Builder().code(202).body("{\"status\":\"" + "O".repeat(64 * 1024) + "\"}")
              .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()));
    }
    return cases.stream();
  }

  /**
   * A post whose connection broke after it was written may have reached the platform: sending it again could
   * answer one invocation twice. The call fails instead, and the client stays usable.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("brokenPosts")
  void aPostWhoseConnectionBreaksIsSentOnceAndFailsWithAnIoException(Call call, String how, MockResponse broken)
      throws Exception {
    // Answers by method rather than from a queue: a request that failed while it arrived is recorded but may or
    // may not be dispatched. peek() is where MockWebServer finds the effects to apply while a request arrives.
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getMethod().equals("GET") ? invocation("{}").build() : broken;
      }

      @Override
      public MockResponse peek() {
        return broken;
      }
    });

    client.next();
    IOException e = assertThrows(IOException.class, () -> call.run(client));
    assertFalse(e instanceof ContainerErrorException, e.toString());
    Invocation after = client.next();

    assertEquals(REQ_ID, after.requestId(), "the client is usable after the failure");
    List<RecordedRequest> requests = takeAll();
    assertEquals(3, requests.size(), "the post reached the server exactly once: " + requests);
    // The broken post and the /next after it arrive on different connections, whose server threads may record
    // them in either order.
    assertEquals(1, requests.stream().filter(r -> r.getMethod().equals("POST")).count(), requests.toString());
    RecordedRequest nextAfter = requests.stream().filter(r -> r.getConnectionIndex() == 1).findFirst()
        .orElseThrow(() -> new AssertionError("the call after the failure uses a new connection: " + requests));
    assertEquals("GET", nextAfter.getMethod());
    assertEquals(NEXT_PATH, nextAfter.getUrl().encodedPath());
  }

  // ---------------------------------------------------------------- /next failing and recovering

  static Stream<Arguments> brokenNexts() {
    return Stream.of(
        Arguments.of("closed at request start",
            new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build()),
        Arguments.of("shut down at response start",
            new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build()),
        Arguments.of("shut down in the middle of the body",
            invocation("e".repeat(256 * 1024)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()),
        Arguments.of("shut down in the middle of a chunked body",
            invocation("").chunkedBody("c".repeat(256 * 1024), 1024)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()),
        Arguments.of("output half-closed at response start",
            new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(false, false, true)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenNexts")
  void aNextWhoseConnectionBreaksFailsWithAnIoExceptionAndTheNextCallWorks(String how, MockResponse broken)
      throws Exception {
    server.enqueue(broken);
    server.enqueue(invocation("{\"n\":2}").build());

    IOException e = assertThrows(IOException.class, () -> client.next());
    assertFalse(e instanceof InvalidInvocationException, e.toString());
    assertFalse(e instanceof ContainerErrorException, e.toString());
    Invocation after = client.next();

    assertEquals("{\"n\":2}", new String(after.payload(), StandardCharsets.UTF_8));
    List<RecordedRequest> requests = takeAll();
    assertEquals(2, requests.size(), "a failed /next is not retried: " + requests);
    assertEquals(1, requests.get(1).getConnectionIndex());
  }

  // ---------------------------------------------------------------- close

  @Test
  void closeEndsTheConnectionAndALaterCallNeverThrowsAnUncheckedException() throws Exception {
    server.enqueue(invocation("{}").build());
    server.enqueue(invocation("{}").build());

    client.next();
    client.close();
    sockets.awaitClosed(0); // the server saw the client's close and closed its end

    try {
      assertEquals(REQ_ID, client.next().requestId());
      RecordedRequest first = server.takeRequest();
      RecordedRequest second = server.takeRequest();
      assertEquals(0, first.getConnectionIndex());
      assertEquals(1, second.getConnectionIndex(), "a call after close() opens a new connection");
    } catch (IOException refused) {
      assertEquals(1, server.getRequestCount(), "a closed client must not reach the server");
    }
  }

  @Test
  void closeIsIdempotentAndHarmlessBeforeAnyCall() {
    assertDoesNotThrow(() -> {
      client.close();
      client.close();
    });
  }
}
