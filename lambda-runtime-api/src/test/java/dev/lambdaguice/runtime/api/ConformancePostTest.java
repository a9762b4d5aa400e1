package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.REQ_ID;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance of what the client posts: the exact body bytes with their {@code Content-Length}, the invocation id
 * echoed byte for byte, and header values that could break the request sanitised instead of thrown or injected.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ConformancePostTest {

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  void enqueueAccepted() {
    server.enqueue(new MockResponse.Builder().code(202).body("{\"status\":\"OK\"}").build());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100 * 1024, 6 * 1024 * 1024})
  void aResponseBodyIsSentByteForByteWithItsLength(int size) throws Exception {
    byte[] body = new byte[size];
    new Random(size).nextBytes(body);
    enqueueAccepted();
    enqueueAccepted();

    assertTrue(client.respond(REQ_ID, null, body, "application/octet-stream").accepted());
    assertTrue(client.respond(REQ_ID, null, body, "application/octet-stream").accepted());

    for (int i = 0; i < 2; i++) {
      RecordedRequest recorded = server.takeRequest();
      assertEquals(Integer.toString(size), recorded.getHeaders().get("Content-Length"));
      assertArrayEquals(body, recorded.getBody().toByteArray());
      assertEquals(0, recorded.getConnectionIndex());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4095, 4096})
  void theLengthOverloadSendsOnlyThatManyBytes(int length) throws Exception {
    byte[] buffer = new byte[4096];
    new Random(length).nextBytes(buffer);
    enqueueAccepted();
    enqueueAccepted();

    assertTrue(client.respond(REQ_ID, null, buffer, length, "application/octet-stream").accepted());
    assertTrue(client.respond(REQ_ID, null, new byte[] {'n'}, null).accepted());

    RecordedRequest recorded = server.takeRequest();
    assertEquals(Integer.toString(length), recorded.getHeaders().get("Content-Length"));
    assertArrayEquals(Arrays.copyOf(buffer, length), recorded.getBody().toByteArray());
    RecordedRequest next = server.takeRequest();
    assertArrayEquals(new byte[] {'n'}, next.getBody().toByteArray(), "no stray bytes before the next request");
    assertEquals(recorded.getConnectionIndex(), next.getConnectionIndex());
  }

  @Test
  void aNonAsciiInvocationIdIsEchoedAsTheBytesTheServerSent() throws Exception {
    byte[] sent = "inv-é☃".getBytes(StandardCharsets.UTF_8);
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer(RawAnswers.invocation("r1", "{}", "Lambda-Runtime-Invocation-Id: inv-é☃"));
      raw.answer(RawAnswers.accepted());
      raw.answer(RawAnswers.accepted());

      Invocation inv = rawClient.next();
      rawClient.respond(inv.requestId(), inv.invocationId(), new byte[] {'1'}, null);
      rawClient.error(inv.requestId(), inv.invocationId(), "Runtime.UserException", ErrorReport.of("E", "m"), null);

      for (RawHttpServer.Exchange post : raw.exchanges().subList(1, 3)) {
        List<String> ids = post.headerLines().stream()
            .filter(line -> line.regionMatches(true, 0, "Lambda-Runtime-Invocation-Id:", 0, 29)).toList();
        assertEquals(1, ids.size(), post.headText());
        byte[] line = ids.get(0).getBytes(StandardCharsets.UTF_8);
        byte[] value = Arrays.copyOfRange(line, line.length - sent.length, line.length);
        assertArrayEquals(sent, value, post.headText());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"inv\r\nX-Injected: yes", "inv\nX-Injected: yes", "inv\rX-Injected: yes", "inv\u0000id",
      "inv\u007fid", "inv\tid\u001b"})
  void anInvocationIdWithControlCharactersIsSanitisedNotThrownNorInjected(String invocationId) throws Exception {
    enqueueAccepted();
    enqueueAccepted();

    PostResult response = assertDoesNotThrow(() -> client.respond(REQ_ID, invocationId, new byte[] {'1'}, null));
    PostResult error = assertDoesNotThrow(() ->
        client.error(REQ_ID, invocationId, "Runtime.UserException", ErrorReport.of("E", "m"), null));

    assertTrue(response.accepted());
    assertTrue(error.accepted());
    assertEquals(2, server.getRequestCount(), "each post reached the server once");
    for (int i = 0; i < 2; i++) {
      RecordedRequest recorded = server.takeRequest();
      assertNull(recorded.getHeaders().get("X-Injected"), recorded.getHeaders().toString());
      List<String> sent = recorded.getHeaders().values(RuntimeApiHeaders.INVOCATION_ID);
      assertTrue(sent.size() <= 1, sent.toString());
      sent.forEach(value -> assertTrue(value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f), value));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain\r\nX-Injected: yes", "text/plain\nX-Injected: yes", "text/plain\u0000",
      "text/plain\u007f"})
  void aContentTypeWithControlCharactersIsSanitisedNotThrownNorInjected(String contentType) throws Exception {
    enqueueAccepted();
    byte[] body = "plain".getBytes(StandardCharsets.UTF_8);

    PostResult result = assertDoesNotThrow(() -> client.respond(REQ_ID, null, body, contentType));

    assertTrue(result.accepted());
    assertEquals(1, server.getRequestCount());
    RecordedRequest recorded = server.takeRequest();
    assertNull(recorded.getHeaders().get("X-Injected"), recorded.getHeaders().toString());
    assertArrayEquals(body, recorded.getBody().toByteArray());
    List<String> types = recorded.getHeaders().values("Content-Type");
    assertTrue(types.size() <= 1, types.toString());
    types.forEach(value -> assertTrue(value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f), value));
  }
}
