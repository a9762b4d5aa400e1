package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiClientNextTest.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance of how the client reads answer headers: names in any case, the first of repeated values, UTF-8
 * values, whitespace around values, and conflicting framing headers. And of the request line and Host header.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ConformanceHeaderTest {

  static final List<String> LAMBDA_HEADERS = List.of(RuntimeApiHeaders.REQUEST_ID, RuntimeApiHeaders.DEADLINE_MS,
      RuntimeApiHeaders.FUNCTION_ARN, RuntimeApiHeaders.TRACE_ID, RuntimeApiHeaders.CLIENT_CONTEXT,
      RuntimeApiHeaders.COGNITO_IDENTITY, RuntimeApiHeaders.TENANT_ID, RuntimeApiHeaders.INVOCATION_ID);
  static final List<String> VALUES = List.of(REQ_ID, Long.toString(DEADLINE), ARN, TRACE, CLIENT_CONTEXT_JSON,
      COGNITO, TENANT, INV_ID);

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  static void assertEveryField(Invocation inv) {
    assertEquals(REQ_ID, inv.requestId());
    assertEquals(DEADLINE, inv.deadlineMs());
    assertEquals(ARN, inv.functionArn());
    assertEquals(TRACE, inv.traceId());
    assertEquals(CLIENT_CONTEXT_JSON, inv.clientContext());
    assertEquals(COGNITO, inv.cognitoIdentity());
    assertEquals(TENANT, inv.tenantId());
    assertEquals(INV_ID, inv.invocationId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lower", "upper", "alternating"})
  void headerNamesAreMatchedInAnyCase(String casing) throws Exception {
    UnaryOperator<String> cased = switch (casing) {
      case "lower" -> s -> s.toLowerCase(Locale.ROOT);
      case "upper" -> s -> s.toUpperCase(Locale.ROOT);
      default -> s -> {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
          out.append(i % 2 == 0 ? Character.toLowerCase(s.charAt(i)) : Character.toUpperCase(s.charAt(i)));
        }
        return out.toString();
      };
    };
    MockResponse.Builder answer = new MockResponse.Builder().code(200).body("{\"cased\":true}");
    for (int i = 0; i < LAMBDA_HEADERS.size(); i++) {
      answer.addHeader(cased.apply(LAMBDA_HEADERS.get(i)), VALUES.get(i));
    }
    server.enqueue(answer.build());

    Invocation inv = client.next();

    assertEveryField(inv);
    assertEquals("{\"cased\":true}", new String(inv.payload(), StandardCharsets.UTF_8));
  }

  @Test
  void framingHeadersAreMatchedInAnyCase() throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer("HTTP/1.1 200 OK\r\nlambda-runtime-aws-request-id: r1\r\nLAMBDA-RUNTIME-DEADLINE-MS: 1\r\n"
          + "content-length: 5\r\n\r\nfirst");
      raw.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r2\r\nLambda-Runtime-Deadline-Ms: 2\r\n"
          + "TRANSFER-ENCODING: Chunked\r\n\r\n6\r\nsecond\r\n0\r\n\r\n");
      raw.answer("HTTP/1.1 202 Accepted\r\nCONNECTION: CLOSE\r\nContent-Length: 0\r\n\r\n");
      raw.answer(RawAnswers.accepted());

      assertEquals("first", new String(rawClient.next().payload(), StandardCharsets.UTF_8));
      assertEquals("second", new String(rawClient.next().payload(), StandardCharsets.UTF_8));
      assertTrue(rawClient.respond("r2", null, new byte[] {'1'}, null).accepted());
      assertTrue(rawClient.respond("r2", null, new byte[] {'2'}, null).accepted());

      assertEquals(List.of(0, 0, 0, 1), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }

  @Test
  void whenAHeaderIsRepeatedTheFirstValueWins() throws Exception {
    MockResponse.Builder answer = new MockResponse.Builder().code(200).body("{}");
    for (int i = 0; i < LAMBDA_HEADERS.size(); i++) {
      answer.addHeader(LAMBDA_HEADERS.get(i), VALUES.get(i));
    }
    answer.addHeader(RuntimeApiHeaders.REQUEST_ID, "second-request-id")
        .addHeader(RuntimeApiHeaders.DEADLINE_MS, "not a number")
        .addHeader(RuntimeApiHeaders.TRACE_ID, "Root=second")
        .addHeader(RuntimeApiHeaders.INVOCATION_ID, "second-invocation-id")
        .addHeader(RuntimeApiHeaders.TENANT_ID.toLowerCase(Locale.ROOT), "second-tenant");
    server.enqueue(answer.build());

    assertEveryField(client.next());
  }

  @Test
  void utf8HeaderValuesAreDecodedAsUtf8() throws Exception {
    String context = "{\"custom\":{\"name\":\"Zoë ☃ 😀\"}}";
    String tenant = "tenant-é";
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer(RawAnswers.invocation("r1", "{}", "Lambda-Runtime-Client-Context: " + context,
          "Lambda-Runtime-Aws-Tenant-Id: " + tenant, "Lambda-Runtime-Invocation-Id: inv-é"));

      Invocation inv = rawClient.next();

      assertEquals(context, inv.clientContext());
      assertEquals(tenant, inv.tenantId());
      assertEquals("inv-é", inv.invocationId());
    }
  }

  @Test
  void whitespaceAroundHeaderValuesIsNotPartOfTheValue() throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id:r1\r\n"
          + "Lambda-Runtime-Deadline-Ms: \t 1542409706888 \t\r\nLambda-Runtime-Trace-Id:   Root=1-abc  \r\n"
          + "Content-Length:  2 \r\n\r\n{}");

      Invocation inv = rawClient.next();

      assertEquals("r1", inv.requestId());
      assertEquals(1_542_409_706_888L, inv.deadlineMs());
      assertEquals("Root=1-abc", inv.traceId());
      assertEquals("{}", new String(inv.payload(), StandardCharsets.UTF_8));
    }
  }

  /** Two different lengths leave the end of the body unknown: a request smuggling classic, never a guess. */
  @ParameterizedTest
  @ValueSource(strings = {"Content-Length: 2\r\nContent-Length: 4", "Content-Length: 4\r\ncontent-length: 2",
      "Content-Length: 2, 4"})
  void conflictingContentLengthsAreAProtocolErrorAndTheNextCallUsesANewConnection(String lengths)
      throws Exception {
    try (RawHttpServer raw = new RawHttpServer();
        RuntimeApiClient rawClient = new RuntimeApiClient(raw.hostPort())) {
      raw.answer("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nLambda-Runtime-Deadline-Ms: 1\r\n"
          + lengths + "\r\n\r\n{}{}");
      raw.answer(RawAnswers.invocation("r2", "second"));
      raw.answer(RawAnswers.invocation("r3", "third"));

      IOException e = assertThrows(IOException.class, rawClient::next);
      assertFalse(e instanceof InvalidInvocationException, e.toString());
      assertFalse(e instanceof ContainerErrorException, e.toString());
      Invocation after = rawClient.next();

      assertEquals("r2", after.requestId(), "the answer after the failure belongs to the next call");
      assertEquals(List.of(0, 1), raw.exchanges().stream().map(RawHttpServer.Exchange::connection).toList());
    }
  }

  // ---------------------------------------------------------------- what the client sends

  @Test
  void everyCallSendsOneRequestLineAndAHostHeader() throws Exception {
    server.enqueue(invocation("{}").build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    server.enqueue(new MockResponse.Builder().code(202).build());

    client.next();
    client.respond(REQ_ID, null, new byte[] {'1'}, null);
    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), null);
    client.initError("Runtime.Unknown", ErrorReport.of("E", "m"));

    String hostPort = server.getHostName() + ":" + server.getPort();
    List<String> lines = List.of("GET /2018-06-01/runtime/invocation/next HTTP/1.1",
        "POST /2018-06-01/runtime/invocation/" + REQ_ID + "/response HTTP/1.1",
        "POST /2018-06-01/runtime/invocation/" + REQ_ID + "/error HTTP/1.1",
        "POST /2018-06-01/runtime/init/error HTTP/1.1");
    for (String line : lines) {
      RecordedRequest request = server.takeRequest();
      assertEquals(line, request.getRequestLine());
      assertEquals(List.of(hostPort), request.getHeaders().values("Host"));
      assertNull(request.getHeaders().get("Transfer-Encoding"), "posts are sent with a Content-Length");
      assertNull(request.getHeaders().get("Expect"));
    }
  }
}
