package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RuntimeApiClient#next()} against a MockWebServer standing in for the Runtime API. */
// Guards against a hang only (a separate thread, since blocked socket reads ignore interrupts); no timing asserted.
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RuntimeApiClientNextTest {

  static final String NEXT_PATH = "/2018-06-01/runtime/invocation/next";
  static final String REQ_ID = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
  static final long DEADLINE = 1_542_409_706_888L;
  static final String ARN = "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime:PROD";
  static final String TRACE = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
  static final String CLIENT_CONTEXT_JSON =
      "{\"client\":{\"installation_id\":\"abc\"},\"custom\":{\"k\":\"v\"},\"env\":{\"platform\":\"Android\"}}";
  static final String COGNITO =
      "{\"cognitoIdentityId\":\"us-east-1:1234\",\"cognitoIdentityPoolId\":\"us-east-1:pool\"}";
  static final String TENANT = "tenant-42";
  static final String INV_ID = "c7f7a2b4-0000-4d4d-9e9e-1234567890ab";

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  static MockResponse.Builder invocation(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader(REQUEST_ID, REQ_ID)
        .addHeader(DEADLINE_MS, Long.toString(DEADLINE))
        .addHeader(FUNCTION_ARN, ARN)
        .addHeader(TRACE_ID, TRACE)
        .addHeader("Content-Type", "application/json")
        .body(body);
  }

  @Test
  void parsesEveryHeaderAndThePayload() throws Exception {
    String event = "{\"key1\":\"value1\",\"ünïcødé\":\"✓\"}";
    server.enqueue(invocation(event)
        .addHeader(CLIENT_CONTEXT, CLIENT_CONTEXT_JSON)
        .addHeader(COGNITO_IDENTITY, COGNITO)
        .addHeader(TENANT_ID, TENANT)
        .addHeader(INVOCATION_ID, INV_ID)
        .build());

    Invocation inv = client.next();

    assertEquals(REQ_ID, inv.requestId());
    assertEquals(DEADLINE, inv.deadlineMs());
    assertEquals(ARN, inv.functionArn());
    assertEquals(TRACE, inv.traceId());
    assertEquals(CLIENT_CONTEXT_JSON, inv.clientContext());
    assertEquals(COGNITO, inv.cognitoIdentity());
    assertEquals(TENANT, inv.tenantId());
    assertEquals(INV_ID, inv.invocationId());
    assertArrayEquals(event.getBytes(StandardCharsets.UTF_8), inv.payload());
  }

  @Test
  void optionalHeadersAbsentAreNull() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader(REQUEST_ID, REQ_ID)
        .addHeader(DEADLINE_MS, Long.toString(DEADLINE))
        .body("{}")
        .build());

    Invocation inv = client.next();

    assertEquals(REQ_ID, inv.requestId());
    assertEquals(DEADLINE, inv.deadlineMs());
    assertNull(inv.functionArn());
    assertNull(inv.traceId());
    assertNull(inv.clientContext());
    assertNull(inv.cognitoIdentity());
    assertNull(inv.tenantId());
    assertNull(inv.invocationId());
    assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), inv.payload());
  }

  @Test
  void binaryPayloadIsKeptByteForByte() throws Exception {
    byte[] bytes = new byte[256 * 1024 + 7];
    new Random(42).nextBytes(bytes);
    for (int i = 0; i < 256; i++) {
      bytes[i] = (byte) i; // every byte value, including 0x00, CR, LF and invalid UTF-8
    }
    server.enqueue(invocation("").body(new Buffer().write(bytes)).setHeader("Content-Type", "application/octet-stream")
        .build());

    Invocation inv = client.next();

    assertArrayEquals(bytes, inv.payload());
  }

  @Test
  void chunkedPayloadIsReassembled() throws Exception {
    String event = "x".repeat(10_000) + "end";
    server.enqueue(invocation("").chunkedBody(event, 333).build());

    assertArrayEquals(event.getBytes(StandardCharsets.US_ASCII), client.next().payload());
  }

  @Test
  void emptyBodyGivesEmptyPayload() throws Exception {
    server.enqueue(invocation("").build());

    Invocation inv = client.next();

    assertNotNull(inv.payload());
    assertEquals(0, inv.payload().length);
    assertEquals(REQ_ID, inv.requestId());
  }

  @Test
  void requestIsGetOnTheNextPath() throws Exception {
    server.enqueue(invocation("{}").build());

    client.next();

    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals(NEXT_PATH, recorded.getUrl().encodedPath());
    assertEquals("GET " + NEXT_PATH + " HTTP/1.1", recorded.getRequestLine());
    assertNull(recorded.getUrl().query());
    assertEquals(0, recorded.getBodySize());
  }

  @Test
  void missingRequestIdIsInvalidWithNullRequestId() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader(DEADLINE_MS, Long.toString(DEADLINE))
        .addHeader(INVOCATION_ID, INV_ID)
        .body("{}")
        .build());

    InvalidInvocationException e = assertThrows(InvalidInvocationException.class, () -> client.next());
    assertNull(e.requestId());
    assertEquals(INV_ID, e.invocationId());
    assertTrue(e.getMessage().contains(REQUEST_ID), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankRequestIdIsInvalidWithNullRequestId(String blank) throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeaderLenient(REQUEST_ID, blank)
        .addHeader(DEADLINE_MS, Long.toString(DEADLINE))
        .body("{}")
        .build());

    InvalidInvocationException e = assertThrows(InvalidInvocationException.class, () -> client.next());
    assertNull(e.requestId());
    assertNull(e.invocationId());
  }

  @Test
  void missingDeadlineIsInvalidAndCarriesTheIds() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader(REQUEST_ID, REQ_ID)
        .addHeader(INVOCATION_ID, INV_ID)
        .body("{}")
        .build());

    InvalidInvocationException e = assertThrows(InvalidInvocationException.class, () -> client.next());
    assertEquals(REQ_ID, e.requestId());
    assertEquals(INV_ID, e.invocationId());
    assertTrue(e.getMessage().contains(DEADLINE_MS), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "1542409706888.5", "0x1F", "1e12", "99999999999999999999", "12 34"})
  void garbledDeadlineIsInvalidAndCarriesTheIds(String deadline) throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader(REQUEST_ID, REQ_ID)
        .addHeader(INVOCATION_ID, INV_ID)
        .addHeaderLenient(DEADLINE_MS, deadline)
        .body("{}")
        .build());

    InvalidInvocationException e = assertThrows(InvalidInvocationException.class, () -> client.next());
    assertEquals(REQ_ID, e.requestId());
    assertEquals(INV_ID, e.invocationId());
    assertTrue(e.getMessage().contains(DEADLINE_MS), e.getMessage());
  }

  @Test
  void garbledDeadlineWithoutInvocationIdHasNullInvocationId() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader(REQUEST_ID, REQ_ID)
        .addHeader(DEADLINE_MS, "tomorrow")
        .build());

    InvalidInvocationException e = assertThrows(InvalidInvocationException.class, () -> client.next());
    assertEquals(REQ_ID, e.requestId());
    assertNull(e.invocationId());
    assertTrue(e.getMessage().contains("tomorrow"), e.getMessage());
  }

  @Test
  void invalidInvocationDoesNotBreakTheNextCall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader(DEADLINE_MS, "1").body("lost").build());
    server.enqueue(invocation("{\"n\":2}").build());

    assertThrows(InvalidInvocationException.class, () -> client.next());
    Invocation second = client.next();

    assertEquals(REQ_ID, second.requestId());
    assertEquals("{\"n\":2}", new String(second.payload(), StandardCharsets.UTF_8));
  }

  @Test
  void status500IsContainerError() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(500)
        .body("{\"errorMessage\":\"Container error. Non-recoverable state.\",\"errorType\":\"ContainerError\"}")
        .build());

    ContainerErrorException e = assertThrows(ContainerErrorException.class, () -> client.next());
    assertTrue(e.getMessage().contains("500"), e.getMessage());
    assertTrue(e.getMessage().contains("Non-recoverable"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {201, 202, 204, 302, 400, 403, 404, 410, 501, 502, 503})
  void otherNon200StatusIsPlainIoException(int status) throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(status)
        .addHeader(REQUEST_ID, REQ_ID)
        .addHeader(DEADLINE_MS, Long.toString(DEADLINE))
        .addHeader("Location", "/elsewhere")
        .build());

    IOException e = assertThrows(IOException.class, () -> client.next());
    assertFalse(e instanceof ContainerErrorException, "not a container error: " + e);
    assertFalse(e instanceof InvalidInvocationException, "not an invalid invocation: " + e);
    assertTrue(e.getMessage().contains(Integer.toString(status)), e.getMessage());
    assertEquals(1, server.getRequestCount(), "no redirect followed, no retry");
  }

  @Test
  void longErrorBodyIsAbbreviatedInTheMessage() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("y".repeat(100_000)).build());

    IOException e = assertThrows(IOException.class, () -> client.next());
    assertTrue(e.getMessage().length() < 1_000, "message length " + e.getMessage().length());
    assertTrue(e.getMessage().endsWith("..."), e.getMessage());
  }

  @Test
  void connectionRefusedIsConnectException() throws Exception {
    server.close();

    IOException e = assertThrows(IOException.class, () -> client.next());
    assertInstanceOf(ConnectException.class, e);
  }

  @Test
  void connectionDroppedMidBodyIsIoException() throws Exception {
    server.enqueue(invocation("z".repeat(64 * 1024))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build());

    IOException e = assertThrows(IOException.class, () -> client.next());
    assertFalse(e instanceof InvalidInvocationException, e.toString());
    assertFalse(e instanceof ContainerErrorException, e.toString());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void connectionDroppedBeforeTheResponseIsIoException() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    IOException e = assertThrows(IOException.class, () -> client.next());
    assertFalse(e instanceof InvalidInvocationException, e.toString());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void connectionClosedBeforeTheResponseIsIoException() throws Exception {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());

    assertThrows(IOException.class, () -> client.next());
  }

  /**
   * A dropped connection is never retried: a retried post could answer one invocation twice, so the failure is
   * reported at once and the runtime exits.
   */
  @Test
  void droppedKeptAliveConnectionIsReportedWithoutRetry() throws Exception {
    server.enqueue(invocation("{}").build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(invocation("{}").build());

    client.next();
    IOException e = assertThrows(IOException.class, () -> client.next());

    assertFalse(e.getMessage() != null && e.getMessage().contains("answered"), "a transport failure: " + e);
    assertEquals(2, server.getRequestCount(), "no retry on a fresh connection");
  }

  @Test
  void droppedResponsePostIsNotSentTwice() throws Exception {
    server.enqueue(invocation("{}").build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().code(202).build());

    Invocation inv = client.next();
    assertThrows(IOException.class,
        () -> client.respond(inv.requestId(), null, "{}".getBytes(StandardCharsets.UTF_8), null));

    assertEquals(2, server.getRequestCount(), "the response was posted once");
  }

  @Test
  void keptAliveConnectionIsReusedAcrossNextAndRespond() throws Exception {
    server.enqueue(invocation("{}").build());
    server.enqueue(new MockResponse.Builder().code(202).body("{\"status\":\"OK\"}").build());
    server.enqueue(invocation("{}").build());

    Invocation inv = client.next();
    assertTrue(client.respond(inv.requestId(), null, "{}".getBytes(StandardCharsets.UTF_8), null).accepted());
    client.next();

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    RecordedRequest third = server.takeRequest();
    assertEquals(NEXT_PATH, first.getUrl().encodedPath());
    assertEquals("/2018-06-01/runtime/invocation/" + REQ_ID + "/response", second.getUrl().encodedPath());
    assertEquals(first.getConnectionIndex(), second.getConnectionIndex());
    assertEquals(first.getConnectionIndex(), third.getConnectionIndex());
    assertEquals(0, first.getExchangeIndex());
    assertEquals(1, second.getExchangeIndex());
    assertEquals(2, third.getExchangeIndex());
  }

  @Test
  void toStringOfAParsedInvocationHidesThePayload() throws Exception {
    String secret = "{\"password\":\"hunter2-SECRET\"}";
    server.enqueue(invocation(secret).addHeader(CLIENT_CONTEXT, CLIENT_CONTEXT_JSON).build());

    String text = client.next().toString();

    assertFalse(text.contains("hunter2"), text);
    assertTrue(text.contains(REQ_ID), text);
    assertTrue(text.contains(secret.length() + " bytes"), text);
  }
}
