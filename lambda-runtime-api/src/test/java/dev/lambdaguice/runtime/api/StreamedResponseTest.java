package dev.lambdaguice.runtime.api;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link RuntimeApiClient#streamResponse} and {@link StreamedResponse} against a raw chunk-reading server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class StreamedResponseTest {

  static final String REQ_ID = "156cb537-e2d4-11e8-9b34-d36013741fb9";
  static final String INV_ID = "3e1b2c4d-aaaa-bbbb-cccc-0123456789ab";

  ChunkedSinkServer server;
  RuntimeApiClient client;

  @BeforeEach
  void start() throws IOException {
    server = new ChunkedSinkServer();
    client = new RuntimeApiClient(server.hostPort());
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  ChunkedSinkServer.Request request() throws InterruptedException {
    return server.requests.poll(30, TimeUnit.SECONDS);
  }

  @Test
  void streamedPostHasTheStreamingHeadAndOneChunkPerFlush() throws Exception {
    StreamedResponse stream = client.streamResponse(REQ_ID, INV_ID, "text/plain");
    stream.write(utf8("hello"), 0, 5);
    stream.flush();
    stream.write(utf8(" streamed world"), 0, 15);
    PostResult result = stream.complete();

    assertTrue(result.accepted());
    ChunkedSinkServer.Request request = request();
    assertEquals("POST /2018-06-01/runtime/invocation/" + REQ_ID + "/response HTTP/1.1", request.requestLine());
    List<String> headers = request.headerLines();
    assertTrue(headers.contains("Lambda-Runtime-Function-Response-Mode: streaming"), headers::toString);
    assertTrue(headers.contains("Transfer-Encoding: chunked"), headers::toString);
    assertTrue(headers.contains(
        "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body"), headers::toString);
    assertTrue(headers.contains("Content-Type: text/plain"), headers::toString);
    assertTrue(headers.contains("Lambda-Runtime-Invocation-Id: " + INV_ID), headers::toString);
    assertFalse(headers.stream().anyMatch(h -> h.startsWith("Content-Length")), headers::toString);
    assertEquals("5\r\nhello\r\nF\r\n streamed world\r\n0\r\n\r\n", request.rawText());
    assertEquals(List.of(5, 15), request.chunks());
    assertTrue(stream.ended());
    assertEquals(20, stream.bytesSent());
  }

  @Test
  void contentTypeDefaultsToOctetStream() throws Exception {
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    stream.complete();
    ChunkedSinkServer.Request request = request();
    assertTrue(request.headerLines().contains("Content-Type: application/octet-stream"));
    assertFalse(request.headerLines().stream().anyMatch(h -> h.startsWith("Lambda-Runtime-Invocation-Id")));
    assertEquals("0\r\n\r\n", request.rawText()); // an empty stream: the head and the last chunk
  }

  @Test
  void writesGoOutInChunksOfTheBufferSizeLargeWritesToo() throws Exception {
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    for (int i = 0; i < StreamedResponse.CHUNK_BYTES + 10; i++) {
      stream.write('a');
    }
    stream.write(new byte[100_000], 0, 100_000);
    stream.complete();
    int c = StreamedResponse.CHUNK_BYTES;
    assertEquals(List.of(c, 10, c, c, c, 100_000 - 3 * c), request().chunks());
  }

  @Test
  void failAfterTheFirstByteEndsTheChunksWithTheErrorTrailers() throws Exception {
    StreamedResponse stream = client.streamResponse(REQ_ID, INV_ID, null);
    stream.write(utf8("partial"), 0, 7);
    stream.flush();
    ErrorReport report = new ErrorReport("java.lang.IllegalStateException", "broke \"mid\" stream",
        List.of("a.B.c(B.java:1)"));
    PostResult result = stream.fail("Runtime.UserException\r\nX-Evil: 1", report);

    assertTrue(result.accepted());
    ChunkedSinkServer.Request request = request();
    List<String> trailers = request.trailers();
    assertEquals(2, trailers.size(), trailers::toString);
    assertEquals("Lambda-Runtime-Function-Error-Type: Runtime.UserException__X-Evil: 1", trailers.get(0));
    String prefix = "Lambda-Runtime-Function-Error-Body: ";
    assertTrue(trailers.get(1).startsWith(prefix), trailers::toString);
    String json = new String(Base64.getDecoder().decode(trailers.get(1).substring(prefix.length())),
        StandardCharsets.UTF_8);
    assertEquals("{\"errorType\":\"java.lang.IllegalStateException\",\"errorMessage\":\"broke \\\"mid\\\" stream\","
        + "\"stackTrace\":[\"a.B.c(B.java:1)\"]}", json);
    assertEquals("7\r\npartial\r\n0\r\n" + trailers.get(0) + "\r\n" + trailers.get(1) + "\r\n\r\n",
        request.rawText());
  }

  @Test
  void abandonBeforeTheFirstChunkSendsNothingAndTheErrorGoesOutOnTheSameConnection() throws Exception {
    StreamedResponse stream = client.streamResponse(REQ_ID, INV_ID, null);
    stream.write(utf8("buffered only"), 0, 13);
    assertFalse(stream.started());
    stream.abandon();
    client.error(REQ_ID, INV_ID, "Runtime.UserException", ErrorReport.of("x.Y", "early"), null);

    ChunkedSinkServer.Request request = request();
    assertEquals("POST /2018-06-01/runtime/invocation/" + REQ_ID + "/error HTTP/1.1", request.requestLine());
    assertEquals(0, request.connection());
    assertNull(server.requests.poll()); // the abandoned post never went out
  }

  @Test
  void abandonAfterTheFirstChunkIsRefused() throws Exception {
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    stream.write(utf8("x"), 0, 1);
    stream.flush();
    assertTrue(stream.started());
    assertThrows(IllegalStateException.class, stream::abandon);
    stream.complete();
  }

  @Test
  void theClientRefusesOtherCallsWhileAStreamIsOpenAndServesAgainAfterIt() throws Exception {
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    stream.write(utf8("x"), 0, 1);
    stream.flush();
    assertThrows(IllegalStateException.class, () -> client.respond(REQ_ID, null, new byte[0], null));
    stream.complete();
    assertTrue(client.respond(REQ_ID, null, utf8("{}"), null).accepted());
    request();
    assertEquals(0, request().connection()); // the kept-alive connection carried both
  }

  @Test
  void aFlushedChunkReachesTheServerBeforeTheStreamEnds() throws Exception {
    CountDownLatch firstChunk = new CountDownLatch(1);
    server.onChunk(size -> firstChunk.countDown());
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    stream.write(utf8("first"), 0, 5);
    stream.flush();
    assertTrue(firstChunk.await(30, TimeUnit.SECONDS), "the flushed chunk did not arrive while the stream is open");
    assertFalse(stream.ended());
    stream.complete();
  }

  @Test
  void aConnectionClosedMidStreamThrowsBrokenStreamAndTheNextCallReconnects() throws Exception {
    server.closeAfterHead();
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    byte[] block = new byte[1 << 20];
    BrokenStreamException broken = null;
    for (int i = 0; i < 256 && broken == null; i++) { // at most 256 MB before the peer's close shows
      try {
        stream.write(block, 0, block.length);
      } catch (BrokenStreamException e) {
        broken = e;
      }
    }
    assertNotNull(broken, "writing to a closed connection never failed");
    assertTrue(broken.getMessage().contains(REQ_ID), broken::getMessage);
    assertTrue(stream.ended());
    assertThrows(BrokenStreamException.class, () -> stream.write(block, 0, 1));
    stream.abandon(); // harmless on a broken stream

    assertTrue(client.respond("next-one", null, utf8("{}"), null).accepted());
    request(); // the broken one's head
    ChunkedSinkServer.Request next = request();
    assertTrue(next.requestLine().contains("/next-one/response"));
    assertEquals(1, next.connection());
  }

  @Test
  void aServerErrorAfterTheStreamIsAContainerError() throws Exception {
    server.answer("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops");
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    stream.write(utf8("x"), 0, 1);
    assertThrows(ContainerErrorException.class, stream::complete);
  }

  @Test
  void aRefusedStreamIsAPostResult() throws Exception {
    server.answer("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 2\r\n\r\n{}");
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    stream.write(utf8("x"), 0, 1);
    PostResult result = stream.complete();
    assertTrue(result.tooLarge());
  }

  @Test
  void anIndependentDecoderReadsTheSameBytes() throws Exception {
    try (MockWebServer mock = new MockWebServer()) {
      mock.start();
      mock.enqueue(new MockResponse.Builder().code(202).body("{}").build());
      try (RuntimeApiClient other = new RuntimeApiClient("127.0.0.1:" + mock.getPort())) {
        byte[] body = new byte[300_000];
        new Random(42).nextBytes(body);
        StreamedResponse stream = other.streamResponse(REQ_ID, null, "application/x-test");
        Random sizes = new Random(7);
        int at = 0;
        while (at < body.length) {
          int n = Math.min(body.length - at, sizes.nextInt(70_000));
          stream.write(body, at, n);
          if (sizes.nextInt(4) == 0) {
            stream.flush();
          }
          at += n;
        }
        assertTrue(stream.complete().accepted());
      }
      RecordedRequest recorded = mock.takeRequest();
      assertEquals("streaming", recorded.getHeaders().get("Lambda-Runtime-Function-Response-Mode"));
      assertEquals("chunked", recorded.getHeaders().get("Transfer-Encoding"));
      assertEquals("application/x-test", recorded.getHeaders().get("Content-Type"));
      byte[] expected = new byte[300_000];
      new Random(42).nextBytes(expected);
      assertArrayEquals(expected, recorded.getBody().toByteArray());
    }
  }

  @Test
  void aConnectionClosedInsteadOfTheAnswerIsABrokenStreamAndTheNextCallReconnects() throws Exception {
    server.answer(""); // reads the whole stream, then closes without answering
    StreamedResponse stream = client.streamResponse(REQ_ID, null, null);
    stream.write(utf8("all of it"), 0, 9);
    assertThrows(BrokenStreamException.class, stream::complete);
    assertTrue(stream.ended());
    assertTrue(client.respond("next-one", null, utf8("{}"), null).accepted());
    assertEquals(1, server.requests.stream().filter(r -> r.requestLine().contains("next-one")).findFirst()
        .orElseThrow().connection());
  }
}
