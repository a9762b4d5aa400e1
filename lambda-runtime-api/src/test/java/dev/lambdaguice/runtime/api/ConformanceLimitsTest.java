package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.INV_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.REQ_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.invocation;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance of the client's limits and of what it does with answers it cannot parse: each fails the one call
 * with a checked exception, and the next call works on a new connection.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ConformanceLimitsTest {

  static final int MAX_HEADER_BYTES = RuntimeApiClient.MAX_HEADER_BYTES;
  static final int MAX_EVENT_BYTES = RuntimeApiClient.MAX_EVENT_BYTES;

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  static void assertNamesTheLimit(Exception e) {
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains(Integer.toString(MAX_HEADER_BYTES)) || message.contains("256 KiB"), message);
  }

  void assertNextCallUsesANewConnection() throws Exception {
    server.enqueue(invocation("{\"after\":true}").build());
    assertEquals("{\"after\":true}", new String(client.next().payload(), StandardCharsets.UTF_8));
    RecordedRequest failed = server.takeRequest();
    RecordedRequest after = server.takeRequest();
    assertEquals(failed.getConnectionIndex() + 1, after.getConnectionIndex());
  }

  // ---------------------------------------------------------------- header block

  @Test
  void oneHeaderOverTheLimitIsAProtocolErrorNamingTheLimit() throws Exception {
    server.enqueue(invocation("{}").addHeader("X-Big", "b".repeat(MAX_HEADER_BYTES)).build());

    RuntimeApiProtocolException e = assertThrows(RuntimeApiProtocolException.class, () -> client.next());

    assertNamesTheLimit(e);
    assertNextCallUsesANewConnection();
  }

  @Test
  void manySmallHeadersOverTheLimitAreAProtocolError() throws Exception {
    MockResponse.Builder answer = invocation("{}");
    for (int i = 0; i * 100 < MAX_HEADER_BYTES + 100; i++) {
      answer.addHeader("X-H" + i, "v".repeat(90));
    }
    server.enqueue(answer.build());

    RuntimeApiProtocolException e = assertThrows(RuntimeApiProtocolException.class, () -> client.next());

    assertNamesTheLimit(e);
    assertNextCallUsesANewConnection();
  }

  @Test
  void aPostAnswerWithHeadersOverTheLimitIsAProtocolError() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).addHeader("X-Big", "b".repeat(MAX_HEADER_BYTES)).build());

    assertThrows(RuntimeApiProtocolException.class, () -> client.respond(REQ_ID, null, new byte[] {'1'}, null));

    assertNextCallUsesANewConnection();
  }

  @Test
  void aHeaderBlockWellUnderTheLimitIsRead() throws Exception {
    String big = "c".repeat(MAX_HEADER_BYTES - 8 * 1024);
    server.enqueue(invocation("{}").addHeader(RuntimeApiHeaders.CLIENT_CONTEXT, big).build());

    assertEquals(big, client.next().clientContext());
  }

  // ---------------------------------------------------------------- event size

  static Buffer eventOf(int size) {
    byte[] chunk = new byte[1024 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'e');
    Buffer buffer = new Buffer();
    for (int left = size; left > 0; left -= chunk.length) {
      buffer.write(chunk, 0, Math.min(left, chunk.length));
    }
    return buffer;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anEventOverTheLimitIsAnInvalidInvocationThatCanStillBeAnswered(boolean chunked) throws Exception {
    MockResponse.Builder answer = invocation("").addHeader(RuntimeApiHeaders.INVOCATION_ID, INV_ID);
    Buffer event = eventOf(MAX_EVENT_BYTES + 1);
    server.enqueue((chunked ? answer.chunkedBody(event, 1024 * 1024) : answer.body(event)).build());

    InvalidInvocationException e = assertThrows(InvalidInvocationException.class, () -> client.next());

    assertEquals(REQ_ID, e.requestId());
    assertEquals(INV_ID, e.invocationId());
    assertNextCallUsesANewConnection();
  }

  @Test
  void anEventOfExactlyTheLimitIsAccepted() throws Exception {
    server.enqueue(invocation("").body(eventOf(MAX_EVENT_BYTES)).build());

    assertEquals(MAX_EVENT_BYTES, client.next().payload().length);
  }

  // ---------------------------------------------------------------- answers that cannot be parsed (raw server)

  void assertProtocolErrorThenANewConnection(String garbled) throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer(garbled);
      raw.answer(RawAnswers.invocation("r2", "second"));
      raw.answer(RawAnswers.invocation("r3", "third"));

      assertThrows(RuntimeApiProtocolException.class, rawClient::next);
      assertEquals("r2", rawClient.next().requestId());

      assertEquals(List.of(0, 1), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.1 2OO OK", "HTTP/1.1", "HTTP/1.1 ", "ICY 200 OK", "garbage", "HTTP/1.1 20 OK",
      "HTTP/1.1 2000 OK", "HTTP/1.1 -200 OK", "HTTP/1.1 200OK", "HTTP/3.0 200 OK", "\u0000\u0001\u0002"})
  void aMalformedStatusLineIsAProtocolError(String statusLine) throws Exception {
    assertProtocolErrorThenANewConnection(statusLine + "\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
        + "Lambda-Runtime-Deadline-Ms: 1\r\nContent-Length: 2\r\n\r\n{}");
  }

  static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
      + "Lambda-Runtime-Invocation-Id: i1\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n";

  /**
   * A chunked event the client cannot read is an invalid invocation that carries the ids, so the runtime can still
   * answer it with an error (main's documented choice, as for an event over the limit); the connection is replaced.
   */
  void assertUnreadableEventThenANewConnection(String chunkedBody) throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer(CHUNKED_HEAD + chunkedBody);
      raw.answer(RawAnswers.invocation("r2", "second"));
      raw.answer(RawAnswers.invocation("r3", "third"));

      InvalidInvocationException e = assertThrows(InvalidInvocationException.class, rawClient::next);
      assertEquals("r1", e.requestId());
      assertEquals("i1", e.invocationId());
      assertEquals("r2", rawClient.next().requestId());

      assertEquals(List.of(0, 1), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }

  /** A post answer the client cannot read is a protocol error; the connection is replaced. */
  void assertUnreadablePostAnswerThenANewConnection(String garbled) throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer(garbled);
      raw.answer(RawAnswers.accepted());
      raw.answer(RawAnswers.accepted());

      assertThrows(RuntimeApiProtocolException.class, () -> rawClient.respond("r1", null, new byte[] {'1'}, null));
      assertTrue(rawClient.respond("r1", null, new byte[] {'2'}, null).accepted());

      assertEquals(List.of(0, 1), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz", "-5", "", " ", "0x5", "1ffffffffffffffff", "5 5"})
  void aBadChunkSizeInAnEventIsAnInvalidInvocation(String size) throws Exception {
    assertUnreadableEventThenANewConnection(size + "\r\nhello\r\n0\r\n\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zz", "-5", "", " ", "0x5", "1ffffffffffffffff", "5 5"})
  void aBadChunkSizeInAPostAnswerIsAProtocolError(String size) throws Exception {
    assertUnreadablePostAnswerThenANewConnection("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
        + size + "\r\nhello\r\n0\r\n\r\n");
  }

  @Test
  void aChunkNotFollowedByCrlfIsUnreadable() throws Exception {
    assertUnreadableEventThenANewConnection("2\r\nhello\r\n0\r\n\r\n");
    assertUnreadablePostAnswerThenANewConnection(
        "HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "1e3", "0x10", "99999999999999999999", "", "+2", "2 2"})
  void aNegativeOrGarbledContentLengthIsAProtocolError(String length) throws Exception {
    assertProtocolErrorThenANewConnection("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
        + "Lambda-Runtime-Deadline-Ms: 1\r\nContent-Length: " + length + "\r\n\r\n{}");
  }

  @Test
  void aHeaderLineWithoutAColonIsAProtocolError() throws Exception {
    assertProtocolErrorThenANewConnection("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
        + "Lambda-Runtime-Deadline-Ms: 1\r\nthis is not a header\r\nContent-Length: 2\r\n\r\n{}");
  }

  @Test
  void aProtocolErrorIsAPublicIoException() {
    assertTrue(IOException.class.isAssignableFrom(RuntimeApiProtocolException.class));
    assertTrue(java.lang.reflect.Modifier.isPublic(RuntimeApiProtocolException.class.getModifiers()));
  }
}
