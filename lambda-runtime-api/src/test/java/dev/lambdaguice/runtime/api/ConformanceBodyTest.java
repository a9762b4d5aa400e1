package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.REQ_ID;
import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.invocation;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance of how the client reads answer bodies: fixed length, chunked (trailers ignored), dribbled, empty,
 * and read to the end of the connection; and of interim {@code 100 Continue} answers. Each test also makes a
 * second call, so a body read too far or not far enough shows up on the wire.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ConformanceBodyTest {

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Takes the two requests of a test and asserts they shared one connection. */
  void assertOneConnection() throws InterruptedException {
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals(first.getConnectionIndex(), second.getConnectionIndex(), "the connection was kept alive");
    assertEquals(1, second.getExchangeIndex());
  }

  @Test
  void aChunkedEventWithTrailersIsReassembledAndTheTrailersAreIgnored() throws Exception {
    byte[] event = randomBytes(100_003, 1);
    server.enqueue(invocation("").chunkedBody(new Buffer().write(event), 4096)
        .trailers(Headers.of("Lambda-Runtime-Aws-Request-Id", "from-the-trailer", "X-Checksum", "abc")).build());
    server.enqueue(invocation("second").build());

    Invocation inv = client.next();

    assertArrayEquals(event, inv.payload());
    assertEquals(REQ_ID, inv.requestId(), "trailers are not headers");
    assertEquals("second", new String(client.next().payload(), StandardCharsets.UTF_8));
    assertOneConnection();
  }

  @Test
  void aDribbledFixedLengthEventArrivesWhole() throws Exception {
    byte[] event = randomBytes(3_000, 2);
    server.enqueue(invocation("").body(new Buffer().write(event)).throttleBody(7, 1, TimeUnit.MILLISECONDS)
        .headersDelay(50, TimeUnit.MILLISECONDS).bodyDelay(50, TimeUnit.MILLISECONDS).build());
    server.enqueue(invocation("second").build());

    assertArrayEquals(event, client.next().payload());
    assertEquals("second", new String(client.next().payload(), StandardCharsets.UTF_8));
    assertOneConnection();
  }

  @Test
  void aDribbledChunkedEventArrivesWhole() throws Exception {
    byte[] event = randomBytes(3_000, 3);
    server.enqueue(invocation("").chunkedBody(new Buffer().write(event), 10)
        .throttleBody(3, 1, TimeUnit.MILLISECONDS).build());
    server.enqueue(invocation("second").build());

    assertArrayEquals(event, client.next().payload());
    assertEquals("second", new String(client.next().payload(), StandardCharsets.UTF_8));
    assertOneConnection();
  }

  @Test
  void aDribbledPostAnswerIsReadWhole() throws Exception {
    String body = "{\"errorMessage\":\"" + "x".repeat(2_000) + "\",\"errorType\":\"InvalidRequestID\"}";
    server.enqueue(new MockResponse.Builder().code(400).body(body).throttleBody(5, 1, TimeUnit.MILLISECONDS)
        .build());
    server.enqueue(new MockResponse.Builder().code(202).chunkedBody(body, 7)
        .throttleBody(5, 1, TimeUnit.MILLISECONDS).build());

    assertEquals(body, client.respond(REQ_ID, null, new byte[] {'1'}, null).body());
    assertEquals(body, client.respond(REQ_ID, null, new byte[] {'2'}, null).body());
    assertOneConnection();
  }

  @Test
  void anEmptyChunkedEventIsAnEmptyPayload() throws Exception {
    server.enqueue(invocation("").chunkedBody("", 1).build());
    server.enqueue(invocation("second").build());

    assertEquals(0, client.next().payload().length);
    assertEquals("second", new String(client.next().payload(), StandardCharsets.UTF_8));
    assertOneConnection();
  }

  @Test
  void emptyPostAnswersWithAndWithoutLengthAreEmptyBodies() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).build()); // Content-Length: 0
    server.enqueue(new MockResponse.Builder().code(202).chunkedBody("", 1).build());
    server.enqueue(new MockResponse.Builder().code(202).build());

    assertEquals(new PostResult(202, ""), client.respond(REQ_ID, null, new byte[0], null));
    assertEquals(new PostResult(202, ""), client.respond(REQ_ID, null, new byte[0], null));
    assertEquals(new PostResult(202, ""), client.respond(REQ_ID, null, new byte[0], null));
    List<Integer> connections = List.of(server.takeRequest().getConnectionIndex(),
        server.takeRequest().getConnectionIndex(), server.takeRequest().getConnectionIndex());
    assertEquals(List.of(0, 0, 0), connections);
  }

  @Test
  void anInterim100ContinueBeforeTheInvocationIsSkipped() throws Exception {
    server.enqueue(invocation("{\"a\":1}").add100Continue().build());
    server.enqueue(invocation("second").build());

    Invocation inv = client.next();

    assertEquals(REQ_ID, inv.requestId());
    assertEquals("{\"a\":1}", new String(inv.payload(), StandardCharsets.UTF_8));
    assertEquals("second", new String(client.next().payload(), StandardCharsets.UTF_8));
    assertOneConnection();
  }

  @Test
  void anInterim100ContinueBeforeAPostAnswerIsSkipped() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).body("{\"status\":\"OK\"}").add100Continue().build());
    server.enqueue(new MockResponse.Builder().code(410).body("{\"errorType\":\"Gone\"}").add100Continue().build());

    assertEquals(new PostResult(202, "{\"status\":\"OK\"}"), client.respond(REQ_ID, null, new byte[] {'1'}, null));
    assertEquals(new PostResult(410, "{\"errorType\":\"Gone\"}"),
        client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), null));
    assertOneConnection();
  }

  // ---------------------------------------------------------------- read until the server closes (raw server)

  @Test
  void anEventWithNeitherLengthNorChunkingIsReadUntilCloseAndTheConnectionIsNotReused() throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answerAndClose("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
          + "Lambda-Runtime-Deadline-Ms: 1542409706888\r\n\r\n{\"until\":\"close\"}");
      raw.answer(RawAnswers.invocation("r2", "second"));

      Invocation first = rawClient.next();
      Invocation second = rawClient.next();

      assertEquals("r1", first.requestId());
      assertEquals("{\"until\":\"close\"}", new String(first.payload(), StandardCharsets.UTF_8));
      assertEquals("second", new String(second.payload(), StandardCharsets.UTF_8));
      assertEquals(List.of(0, 1), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }

  @Test
  void aPostAnswerWithNeitherLengthNorChunkingIsReadUntilClose() throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answerAndClose("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n\r\n{\"status\":\"OK\"}");
      raw.answer("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");

      assertEquals(new PostResult(202, "{\"status\":\"OK\"}"), rawClient.respond("r1", null, new byte[] {'1'}, null));
      assertTrue(rawClient.respond("r2", null, new byte[] {'2'}, null).accepted());

      assertEquals(List.of(0, 1), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }

  @Test
  void chunkExtensionsAreIgnored() throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nLambda-Runtime-Deadline-Ms: 1\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n"
          + "5;name=value\r\nhello\r\nA;x\r\n, world!!!\r\n0;last\r\nX-Trailer: t\r\n\r\n");
      raw.answer(RawAnswers.invocation("r2", "second"));

      assertEquals("hello, world!!!", new String(rawClient.next().payload(), StandardCharsets.UTF_8));
      assertEquals("r2", rawClient.next().requestId());
      assertEquals(List.of(0, 0), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }
}
