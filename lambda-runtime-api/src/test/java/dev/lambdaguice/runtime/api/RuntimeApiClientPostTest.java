package dev.lambdaguice.runtime.api;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/** respond, error and initError of {@link RuntimeApiClient} against a MockWebServer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class RuntimeApiClientPostTest {

  static final String BASE = "/2018-06-01/runtime/invocation/";
  static final String REQ_ID = "156cb537-e2d4-11e8-9b34-d36013741fb9";
  static final String INV_ID = "3e1b2c4d-aaaa-bbbb-cccc-0123456789ab";
  static final String INVALID_REQUEST_ID_BODY =
      "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}";

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server and client
  MockWebServer server;
  RuntimeApiClient client;

  void enqueue(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
  }

  void enqueueAccepted() {
    enqueue(202, "{\"status\":\"OK\"}");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static JsonObject json(RecordedRequest request) {
    return JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
  }

  static List<String> strings(JsonArray array) {
    return array.asList().stream().map(JsonElement::getAsString).toList();
  }

  // ---------------------------------------------------------------- respond

  @Test
  void respondPostsTheExactBytesToTheResponsePath() throws Exception {
    enqueueAccepted();
    byte[] body = utf8("{\"statusCode\":200,\"body\":\"héllo ☃\"}");

    PostResult result = client.respond(REQ_ID, null, body, "application/json");

    assertTrue(result.accepted());
    assertEquals(202, result.status());
    assertEquals("{\"status\":\"OK\"}", result.body());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals(BASE + REQ_ID + "/response", recorded.getUrl().encodedPath());
    assertArrayEquals(body, recorded.getBody().toByteArray());
    assertEquals(Integer.toString(body.length), recorded.getHeaders().get("Content-Length"));
    assertEquals("application/json", recorded.getHeaders().get("Content-Type"));
  }

  @Test
  void respondSendsBinaryBodiesUnchanged() throws Exception {
    enqueueAccepted();
    byte[] body = new byte[1024 * 1024 + 3];
    new Random(7).nextBytes(body);

    assertTrue(client.respond(REQ_ID, null, body, "application/octet-stream").accepted());

    RecordedRequest recorded = server.takeRequest();
    assertArrayEquals(body, recorded.getBody().toByteArray());
    assertEquals("application/octet-stream", recorded.getHeaders().get("Content-Type"));
  }

  @Test
  void respondSendsAnEmptyBody() throws Exception {
    enqueueAccepted();

    assertTrue(client.respond(REQ_ID, null, new byte[0], null).accepted());

    RecordedRequest recorded = server.takeRequest();
    assertEquals(0, recorded.getBodySize());
    assertEquals("0", recorded.getHeaders().get("Content-Length"));
  }

  @Test
  void respondDefaultsToApplicationJsonWhenContentTypeIsNull() throws Exception {
    enqueueAccepted();

    client.respond(REQ_ID, null, utf8("42"), null);

    assertEquals("application/json", server.takeRequest().getHeaders().get("Content-Type"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain; charset=utf-8", "text/html", "application/xml; charset=ISO-8859-1",
      "application/vnd.api+json"})
  void respondPassesTheContentTypeThrough(String contentType) throws Exception {
    enqueueAccepted();
    byte[] body = utf8("plain text");

    client.respond(REQ_ID, null, body, contentType);

    RecordedRequest recorded = server.takeRequest();
    assertEquals(contentType, recorded.getHeaders().get("Content-Type"));
    assertArrayEquals(body, recorded.getBody().toByteArray(), "a charset parameter must not re-encode the bytes");
  }

  @Test
  void respondEchoesTheInvocationIdWhenGiven() throws Exception {
    enqueueAccepted();

    client.respond(REQ_ID, INV_ID, utf8("{}"), null);

    RecordedRequest recorded = server.takeRequest();
    assertEquals(INV_ID, recorded.getHeaders().get(INVOCATION_ID));
    assertEquals(1, recorded.getHeaders().values(INVOCATION_ID).size());
  }

  @Test
  void respondSendsNoInvocationIdWhenNull() throws Exception {
    enqueueAccepted();

    client.respond(REQ_ID, null, utf8("{}"), null);

    RecordedRequest recorded = server.takeRequest();
    assertNull(recorded.getHeaders().get(INVOCATION_ID));
    assertNull(recorded.getHeaders().get(ERROR_TYPE));
  }

  @Test
  void requestIdIsPathEncoded() throws Exception {
    enqueueAccepted();
    enqueueAccepted();
    String id = "a/b c?d#e%f";

    client.respond(id, null, utf8("{}"), null);
    client.error(id, null, "Runtime.X", ErrorReport.of("Runtime.X", "m"), null);

    RecordedRequest response = server.takeRequest();
    assertEquals(BASE + "a%2Fb%20c%3Fd%23e%25f/response", response.getUrl().encodedPath());
    assertNull(response.getUrl().query());
    assertEquals(List.of("2018-06-01", "runtime", "invocation", id, "response"), response.getUrl().pathSegments());
    RecordedRequest error = server.takeRequest();
    assertEquals(BASE + "a%2Fb%20c%3Fd%23e%25f/error", error.getUrl().encodedPath());
  }

  @Test
  void nonAsciiRequestIdIsPercentEncodedUtf8() throws Exception {
    enqueueAccepted();

    client.respond("id-é", null, utf8("{}"), null);

    assertEquals(BASE + "id-%C3%A9/response", server.takeRequest().getUrl().encodedPath());
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 202, 204})
  void successStatusesAreAccepted(int status) throws Exception {
    enqueue(status, "");

    PostResult result = client.respond(REQ_ID, null, utf8("{}"), null);

    assertEquals(status, result.status());
    assertTrue(result.accepted());
    assertFalse(result.tooLarge());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 410, 413})
  void clientErrorStatusesComeBackAsPostResult(int status) throws Exception {
    String body = "{\"errorMessage\":\"status " + status + "\",\"errorType\":\"E" + status + "\"}";
    enqueue(status, body);

    PostResult result = client.respond(REQ_ID, INV_ID, utf8("{}"), null);

    assertEquals(status, result.status());
    assertEquals(body, result.body());
    assertFalse(result.accepted());
    assertEquals(status == 413, result.tooLarge());
  }

  @Test
  void status413IsTooLarge() throws Exception {
    enqueue(413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\","
        + "\"errorType\":\"RequestEntityTooLarge\"}");

    PostResult result = client.respond(REQ_ID, null, new byte[16 * 1024], null);

    assertTrue(result.tooLarge());
    assertFalse(result.accepted());
    assertTrue(result.body().contains("RequestEntityTooLarge"), result.body());
  }

  @Test
  void status500OnRespondIsContainerError() throws Exception {
    enqueue(500, "{\"errorMessage\":\"Container error. Non-recoverable state.\"}");

    ContainerErrorException e =
        assertThrows(ContainerErrorException.class, () -> client.respond(REQ_ID, null, utf8("{}"), null));
    assertTrue(e.getMessage().contains("500"), e.getMessage());
    assertTrue(e.getMessage().contains(BASE + REQ_ID + "/response"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {501, 502, 503, 504})
  void otherServerErrorsOnRespondArePlainIoExceptions(int status) throws Exception {
    enqueue(status, "Bad Gateway");

    IOException e = assertThrows(IOException.class, () -> client.respond(REQ_ID, null, utf8("{}"), null));
    assertFalse(e instanceof ContainerErrorException, e.toString());
    assertTrue(e.getMessage().contains(Integer.toString(status)), e.getMessage());
  }

  @Test
  void respondToARefusedConnectionIsIoException() {
    server.close();

    assertThrows(IOException.class, () -> client.respond(REQ_ID, null, utf8("{}"), null));
  }

  // ---------------------------------------------------------------- error

  @Test
  void errorPostsTheReportAsJson() throws Exception {
    enqueueAccepted();
    ErrorReport report = new ErrorReport("java.lang.IllegalStateException", "bad \"state\" <&> é",
        List.of("com.example.Handler.handle(Handler.java:10)", "Caused by: java.io.IOException: x"));

    PostResult result = client.error(REQ_ID, null, "Runtime.UserException", report, null);

    assertTrue(result.accepted());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals(BASE + REQ_ID + "/error", recorded.getUrl().encodedPath());
    assertEquals("Runtime.UserException", recorded.getHeaders().get(ERROR_TYPE));
    assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"),
        recorded.getHeaders().get("Content-Type"));
    JsonObject body = json(recorded);
    assertEquals(3, body.size(), body.toString());
    assertEquals("bad \"state\" <&> é", body.get("errorMessage").getAsString());
    assertEquals("java.lang.IllegalStateException", body.get("errorType").getAsString());
    assertTrue(body.get("stackTrace").isJsonArray());
    assertEquals(report.stackTrace(), strings(body.getAsJsonArray("stackTrace")));
    assertFalse(recorded.getBody().utf8().contains("\\u003c"), "no HTML escaping: " + recorded.getBody().utf8());
  }

  @Test
  void errorWithoutStackTraceSendsAnEmptyArray() throws Exception {
    enqueueAccepted();

    client.error(REQ_ID, null, "Runtime.NoSuchHandler", ErrorReport.of("Runtime.NoSuchHandler", "no handler x"), null);

    JsonObject body = json(server.takeRequest());
    assertEquals("Runtime.NoSuchHandler", body.get("errorType").getAsString());
    assertEquals("no handler x", body.get("errorMessage").getAsString());
    assertEquals(0, body.getAsJsonArray("stackTrace").size());
  }

  @Test
  void errorOfARealThrowableSendsItsFrames() throws Exception {
    enqueueAccepted();
    Exception thrown = new IllegalArgumentException("outer", new IOException("inner"));

    client.error(REQ_ID, INV_ID, "Runtime.UserException", ErrorReport.of(thrown), null);

    JsonObject body = json(server.takeRequest());
    List<String> frames = strings(body.getAsJsonArray("stackTrace"));
    assertEquals(ErrorReport.of(thrown).stackTrace(), frames);
    assertTrue(frames.contains("Caused by: java.io.IOException: inner"), frames.toString());
    assertEquals("java.lang.IllegalArgumentException", body.get("errorType").getAsString());
  }

  @Test
  void errorEchoesTheInvocationIdOnlyWhenGiven() throws Exception {
    enqueueAccepted();
    enqueueAccepted();

    client.error(REQ_ID, INV_ID, "Runtime.UserException", ErrorReport.of("E", "m"), null);
    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), null);

    assertEquals(INV_ID, server.takeRequest().getHeaders().get(INVOCATION_ID));
    assertNull(server.takeRequest().getHeaders().get(INVOCATION_ID));
  }

  @Test
  void errorSendsTheXRayCauseWhenGiven() throws Exception {
    enqueueAccepted();
    String cause = XRayErrorCause.of(new IllegalStateException("boom é"));
    assertNotNull(cause);

    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), cause);

    String header = server.takeRequest().getHeaders().get(XRAY_ERROR_CAUSE);
    assertNotNull(header);
    assertEquals(JsonParser.parseString(cause), JsonParser.parseString(header));
    JsonObject parsed = JsonParser.parseString(header).getAsJsonObject();
    assertEquals("boom é", parsed.getAsJsonArray("exceptions").get(0).getAsJsonObject().get("message").getAsString());
  }

  @Test
  void errorOmitsTheXRayCauseWhenNull() throws Exception {
    enqueueAccepted();

    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), null);

    RecordedRequest recorded = server.takeRequest();
    assertNull(recorded.getHeaders().get(XRAY_ERROR_CAUSE));
    assertEquals("Runtime.UserException", recorded.getHeaders().get(ERROR_TYPE));
  }

  @Test
  void errorOmitsAnXRayCauseOverTheLimit() throws Exception {
    enqueueAccepted();
    enqueueAccepted();
    String ascii = "{\"m\":\"" + "a".repeat(XRayErrorCause.MAX_BYTES) + "\"}";
    // fewer chars than MAX_BYTES, but three UTF-8 bytes each: far more bytes than MAX_BYTES
    String multiByte = "{\"m\":\"" + "☃".repeat(XRayErrorCause.MAX_BYTES / 2) + "\"}";
    assertTrue(multiByte.length() <= XRayErrorCause.MAX_BYTES);

    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), ascii);
    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), multiByte);

    RecordedRequest first = server.takeRequest();
    assertNull(first.getHeaders().get(XRAY_ERROR_CAUSE));
    assertEquals("Runtime.UserException", first.getHeaders().get(ERROR_TYPE), "the error itself is still posted");
    assertNull(server.takeRequest().getHeaders().get(XRAY_ERROR_CAUSE));
  }

  @Test
  void xrayCauseWithControlCharactersIsSentAsOneCleanHeader() throws Exception {
    enqueueAccepted();
    enqueueAccepted();
    // Gson escapes CR/LF/NUL inside JSON strings but not DEL (0x7f), which HTTP servers reject in header values.
    String fromThrowable = XRayErrorCause.of(new RuntimeException("del\u007fhere\r\nInjected: yes"));
    String handMade = "{\"a\":\r\n\"b\u0000c\"}";

    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), fromThrowable);
    client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), handMade);

    RecordedRequest first = server.takeRequest();
    String header = first.getHeaders().get(XRAY_ERROR_CAUSE);
    assertNotNull(header);
    assertNull(first.getHeaders().get("Injected"));
    assertTrue(header.chars().noneMatch(c -> c < 0x20 || c == 0x7f), header);
    JsonObject parsed = JsonParser.parseString(header).getAsJsonObject();
    assertTrue(parsed.getAsJsonArray("exceptions").get(0).getAsJsonObject().get("message").getAsString()
        .startsWith("del"), header);
    RecordedRequest second = server.takeRequest();
    String header2 = second.getHeaders().get(XRAY_ERROR_CAUSE);
    assertNotNull(header2);
    assertTrue(header2.chars().noneMatch(c -> c < 0x20 || c == 0x7f), header2);
    assertEquals(1, second.getHeaders().values(XRAY_ERROR_CAUSE).size());
  }

  @Test
  void errorTypeHeaderIsMadeHeaderSafe() throws Exception {
    enqueueAccepted();

    client.error(REQ_ID, null, "Function.Ünicode☃\r\nX-Injected: 1\t", ErrorReport.of("E", "m"), null);

    RecordedRequest recorded = server.takeRequest();
    assertEquals("Function._nicode___X-Injected: 1_", recorded.getHeaders().get(ERROR_TYPE));
    assertNull(recorded.getHeaders().get("X-Injected"));
  }

  @Test
  void nullOrEmptyErrorTypeBecomesRuntimeUnknown() throws Exception {
    enqueueAccepted();
    enqueueAccepted();

    client.error(REQ_ID, null, null, ErrorReport.of("E", "m"), null);
    client.error(REQ_ID, null, "", ErrorReport.of("E", "m"), null);

    assertEquals("Runtime.Unknown", server.takeRequest().getHeaders().get(ERROR_TYPE));
    assertEquals("Runtime.Unknown", server.takeRequest().getHeaders().get(ERROR_TYPE));
  }

  @Test
  void headerSafeKeepsPrintableAsciiAndReplacesTheRest() {
    assertEquals("Runtime.UserException", RuntimeApiClient.headerSafe("Runtime.UserException"));
    assertEquals(" !~", RuntimeApiClient.headerSafe(" !~"));
    assertEquals("a_b_c_d_e", RuntimeApiClient.headerSafe("a\u0000b\u007fc\u00e9d\u2603e"));
    assertEquals("__", RuntimeApiClient.headerSafe("\ud83d\ude00"), "each UTF-16 unit of a surrogate pair");
    assertEquals("Runtime.Unknown", RuntimeApiClient.headerSafe(null));
    assertEquals("Runtime.Unknown", RuntimeApiClient.headerSafe(""));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 410, 413})
  void errorClientStatusesComeBackAsPostResult(int status) throws Exception {
    enqueue(status, INVALID_REQUEST_ID_BODY);

    PostResult result = client.error(REQ_ID, INV_ID, "Runtime.UserException", ErrorReport.of("E", "m"), null);

    assertEquals(status, result.status());
    assertEquals(INVALID_REQUEST_ID_BODY, result.body());
    assertFalse(result.accepted());
  }

  @Test
  void status500OnErrorIsContainerError() throws Exception {
    enqueue(500, "");

    ContainerErrorException e = assertThrows(ContainerErrorException.class,
        () -> client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), null));
    assertTrue(e.getMessage().contains(BASE + REQ_ID + "/error"), e.getMessage());
  }

  @Test
  void status502OnErrorIsPlainIoException() throws Exception {
    enqueue(502, "");

    IOException e = assertThrows(IOException.class,
        () -> client.error(REQ_ID, null, "Runtime.UserException", ErrorReport.of("E", "m"), null));
    assertFalse(e instanceof ContainerErrorException, e.toString());
  }

  // ---------------------------------------------------------------- initError

  @Test
  void initErrorPostsToTheInitErrorPath() throws Exception {
    enqueueAccepted();
    ErrorReport report = new ErrorReport("Runtime.NoSuchHandler", "no handler named x", List.of("frame 1"));

    PostResult result = client.initError("Runtime.NoSuchHandler", report);

    assertTrue(result.accepted());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/2018-06-01/runtime/init/error", recorded.getUrl().encodedPath());
    assertEquals("Runtime.NoSuchHandler", recorded.getHeaders().get(ERROR_TYPE));
    assertNull(recorded.getHeaders().get(XRAY_ERROR_CAUSE));
    assertNull(recorded.getHeaders().get(INVOCATION_ID));
    JsonObject body = json(recorded);
    assertEquals("Runtime.NoSuchHandler", body.get("errorType").getAsString());
    assertEquals("no handler named x", body.get("errorMessage").getAsString());
    assertEquals(List.of("frame 1"), strings(body.getAsJsonArray("stackTrace")));
  }

  @Test
  void initErrorTypeIsMadeHeaderSafe() throws Exception {
    enqueueAccepted();

    client.initError("Runtime.Bäd", ErrorReport.of("Runtime.Bäd", "m"));

    RecordedRequest recorded = server.takeRequest();
    assertEquals("Runtime.B_d", recorded.getHeaders().get(ERROR_TYPE));
    assertEquals("Runtime.Bäd", json(recorded).get("errorType").getAsString(), "the body keeps the real text");
  }

  @Test
  void initErrorAfterNextIs403PostResult() throws Exception {
    String body = "{\"errorMessage\":\"Transition from Invoking to InitError is not allowed\","
        + "\"errorType\":\"InvalidStateTransition\"}";
    enqueue(403, body);

    PostResult result = client.initError("Runtime.Unknown", ErrorReport.of("E", "m"));

    assertEquals(403, result.status());
    assertEquals(body, result.body());
  }

  @Test
  void status500OnInitErrorIsContainerError() {
    enqueue(500, "");

    assertThrows(ContainerErrorException.class, () -> client.initError("Runtime.Unknown", ErrorReport.of("E", "m")));
  }

  // ---------------------------------------------------------------- constructor, PostResult

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "host/x", "host:9001/x", "http://host:9001", "host?x", "host#x",
      "user@host:9001", "host\\x", "host:", "host:0", "host:99999", "host:-1", "host:port", "::1:9001",
      "host:9001 "})
  void constructorRejectsGarbage(String runtimeApi) {
    assertThrows(IllegalArgumentException.class, () -> new RuntimeApiClient(runtimeApi));
  }

  @Test
  void constructorRejectsNull() {
    assertThrows(NullPointerException.class, () -> new RuntimeApiClient(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:9001", "localhost:9001", "[::1]:9001", "localhost"})
  void constructorAcceptsHostAndPort(String runtimeApi) {
    assertDoesNotThrow(() -> new RuntimeApiClient(runtimeApi).close());
  }

  @Test
  void ipv4LiteralAddressIsUsedAsIs() throws Exception {
    try (RuntimeApiClient literal = new RuntimeApiClient("127.0.0.1:" + server.getPort())) {
      enqueueAccepted();
      assertTrue(literal.respond(REQ_ID, null, utf8("{}"), null).accepted());
    }
    assertEquals("127.0.0.1", server.takeRequest().getUrl().host());
  }

  @Test
  void postResultPredicates() {
    assertTrue(new PostResult(202, "").accepted());
    assertTrue(new PostResult(200, "").accepted());
    assertFalse(new PostResult(199, "").accepted());
    assertFalse(new PostResult(300, "").accepted());
    assertFalse(new PostResult(413, "").accepted());
    assertTrue(new PostResult(413, "").tooLarge());
    assertFalse(new PostResult(400, "").tooLarge());
    assertFalse(new PostResult(202, "").tooLarge());
  }
}
