package dev.lambdaguice.runtime.e2e.conformance;

import static dev.lambdaguice.runtime.api.RuntimeApiHeaders.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.api.ContainerErrorException;
import dev.lambdaguice.runtime.api.ErrorReport;
import dev.lambdaguice.runtime.api.InvalidInvocationException;
import dev.lambdaguice.runtime.api.Invocation;
import dev.lambdaguice.runtime.api.PostResult;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import dev.lambdaguice.runtime.api.XRayErrorCause;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.Fault;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.RecordedRequest;
import dev.lambdaguice.test.CaptureLogs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance scenarios of {@link RuntimeApiClient} that both test platforms can produce, each written once in
 * {@link Scenarios} and run against MockWebServer scripted as the platform (okhttp's server codec) and against
 * {@code LocalLambda}, the project's own platform. The assertions are on what reached the platform (requests in
 * order, connections opened), never on timing. Log lines are kept per test, printed only when one fails.
 */
@CaptureLogs
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ClientConformanceTest {

  @Nested
  class OnMockWebServer extends Scenarios {
    @Override
    ConformancePlatform startPlatform() throws IOException {
      return new MockWebServerPlatform();
    }
  }

  @Nested
  class OnLocalLambda extends Scenarios {
    @Override
    ConformancePlatform startPlatform() throws IOException {
      return new LocalLambdaPlatform();
    }
  }

  /** The scenarios, on the platform a subclass starts. */
  abstract static class Scenarios {

    static final String TRACE = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
    static final String CLIENT_CONTEXT_JSON = "{\"client\":{\"installation_id\":\"abc\"},\"custom\":{\"k\":\"v\"}}";
    static final String COGNITO = "{\"cognitoIdentityId\":\"us-east-1:1234\",\"cognitoIdentityPoolId\":\"p\"}";
    /** Lambda's response limit: 6 MiB, enforced 100 bytes generously. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

    ConformancePlatform platform;
    RuntimeApiClient client;

    abstract ConformancePlatform startPlatform() throws IOException;

    @BeforeEach
    void start() throws IOException {
      platform = startPlatform();
      client = new RuntimeApiClient(platform.runtimeApi());
    }

    @AfterEach
    void stop() {
      client.close();
      platform.close();
    }

    List<Endpoint> endpoints() {
      return platform.requests().stream().map(RecordedRequest::endpoint).toList();
    }

    long count(Endpoint endpoint) {
      return platform.requests().stream().filter(r -> r.endpoint() == endpoint).count();
    }

    static byte[] utf8(String s) {
      return s.getBytes(UTF_8);
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void aRoundTripCarriesEveryHeaderTheExactEventAndTheExactResponse() throws Exception {
      byte[] event = utf8("{\"key\":\"välue ☃\",\"bytes\":\"\\u0000\"}");
      InvokeOptions options = InvokeOptions.none().withTraceId(TRACE).withClientContext(CLIENT_CONTEXT_JSON)
          .withCognitoIdentity(COGNITO).withTenantId("tenant-42").withInvocationId("inv-7");
      CompletableFuture<InvokeResult> result = platform.invoke(event, options);

      Invocation inv = client.next();
      byte[] response = utf8("{\"statusCode\":200,\"body\":\"héllo\"}");
      PostResult posted = client.respond(inv.requestId(), inv.invocationId(), response, "application/json");

      assertTrue(inv.deadlineMs() > System.currentTimeMillis() - 60_000, "a deadline in epoch milliseconds");
      assertEquals(platform.functionArn(), inv.functionArn());
      assertEquals(TRACE, inv.traceId());
      assertEquals(CLIENT_CONTEXT_JSON, inv.clientContext());
      assertEquals(COGNITO, inv.cognitoIdentity());
      assertEquals("tenant-42", inv.tenantId());
      assertEquals("inv-7", inv.invocationId());
      assertArrayEquals(event, inv.payload());
      assertEquals(202, posted.status());
      InvokeResult answer = result.get(30, SECONDS);
      assertFalse(answer.error());
      assertEquals(inv.requestId(), answer.requestId());
      assertArrayEquals(response, answer.body());
      assertEquals("application/json", answer.contentType());
      assertEquals(List.of(Endpoint.NEXT, Endpoint.RESPONSE), endpoints());
      RecordedRequest post = platform.requests().get(1);
      assertEquals(inv.requestId(), post.requestId());
      assertEquals("inv-7", post.header(INVOCATION_ID));
      assertEquals(response.length, post.bodyLength());
      assertEquals(1, platform.connections());
    }

    @Test
    void anErrorPostCarriesItsTypeItsReportAndTheXRayCause() throws Exception {
      CompletableFuture<InvokeResult> result = platform.invoke(utf8("{}"), InvokeOptions.none().withInvocationId("i"));
      Exception thrown = new IllegalStateException("bad state é", new IOException("disk"));
      String cause = XRayErrorCause.of(thrown);

      Invocation inv = client.next();
      PostResult posted = client.error(inv.requestId(), inv.invocationId(), "Function.BadState",
          ErrorReport.of(thrown), cause);

      assertTrue(posted.accepted(), posted.toString());
      InvokeResult answer = result.get(30, SECONDS);
      assertTrue(answer.error());
      assertEquals("Function.BadState", answer.errorType());
      JsonObject body = JsonParser.parseString(answer.bodyAsString()).getAsJsonObject();
      assertEquals("bad state é", body.get("errorMessage").getAsString());
      assertEquals(IllegalStateException.class.getName(), body.get("errorType").getAsString());
      assertTrue(body.getAsJsonArray("stackTrace").size() > 0);
      RecordedRequest post = platform.requests().get(1);
      assertEquals(Endpoint.ERROR, post.endpoint());
      assertEquals(JsonParser.parseString(cause), JsonParser.parseString(post.header(XRAY_ERROR_CAUSE)));
      assertEquals("i", post.header(INVOCATION_ID));
    }

    @Test
    void manySequentialInvocationsShareOneConnection() throws Exception {
      List<CompletableFuture<InvokeResult>> results = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        results.add(platform.invoke(utf8("{\"n\":" + i + "}"), InvokeOptions.none()));
        Invocation inv = client.next();
        assertEquals("{\"n\":" + i + "}", new String(inv.payload(), UTF_8));
        byte[] answer = utf8("\"answer " + i + "\"");
        PostResult posted = i % 10 == 9
            ? client.error(inv.requestId(), null, "Function.Tenth", ErrorReport.of("E", "m" + i), null)
            : client.respond(inv.requestId(), null, answer, null);
        assertTrue(posted.accepted(), posted.toString());
      }

      for (int i = 0; i < 100; i++) {
        InvokeResult result = results.get(i).get(30, SECONDS);
        assertEquals(i % 10 == 9, result.error());
        if (!result.error()) {
          assertEquals("\"answer " + i + "\"", result.bodyAsString());
        }
      }
      assertEquals(200, platform.requests().size());
      assertEquals(1, platform.connections(), "one kept-alive connection for every call");
    }

    @Test
    void aResponseOfLambdasFullSizeIsAcceptedAndOneByteMoreIs413() throws Exception {
      byte[] full = new byte[MAX_RESPONSE_BYTES];
      new Random(6).nextBytes(full);
      byte[] over = new byte[MAX_RESPONSE_BYTES + 1];
      CompletableFuture<InvokeResult> first = platform.invoke(utf8("{}"), InvokeOptions.none());
      Invocation inv1 = client.next();
      PostResult accepted = client.respond(inv1.requestId(), null, full, "application/octet-stream");
      CompletableFuture<InvokeResult> second = platform.invoke(utf8("{}"), InvokeOptions.none());
      Invocation inv2 = client.next();
      PostResult refused = client.respond(inv2.requestId(), null, over, "application/octet-stream");

      assertTrue(accepted.accepted(), accepted.toString());
      assertArrayEquals(full, first.get(30, SECONDS).body());
      assertTrue(refused.tooLarge(), refused.toString());
      assertTrue(refused.body().contains("RequestEntityTooLarge"), refused.body());
      assertEquals("Function.ResponseSizeTooLarge", second.get(30, SECONDS).errorType());
      assertEquals(over.length, platform.requests().get(3).bodyLength());
      assertEquals(1, platform.connections(), "a 413 keeps the connection");
    }

    @Test
    void anInitErrorBeforeTheFirstNextIsAccepted() throws Exception {
      PostResult before = client.initError("Runtime.NoSuchHandler", ErrorReport.of("Runtime.NoSuchHandler", "none"));

      assertEquals(202, before.status());
      assertEquals("Runtime.NoSuchHandler", platform.requests().get(0).header(ERROR_TYPE));
    }

    @Test
    void anInitErrorAfterANextIs403() throws Exception {
      platform.invoke(utf8("{}"), InvokeOptions.none());
      client.next();

      PostResult late = client.initError("Runtime.Unknown", ErrorReport.of("E", "m"));

      assertEquals(403, late.status());
      assertTrue(late.body().contains("InvalidStateTransition"), late.body());
    }

    @Test
    void anUnknownRequestIdIs400AndASecondAnswerIs403() throws Exception {
      platform.invoke(utf8("{}"), InvokeOptions.none());
      Invocation inv = client.next();

      PostResult unknown = client.respond("no-such-invocation", null, utf8("1"), null);
      PostResult first = client.respond(inv.requestId(), null, utf8("1"), null);
      PostResult second = client.error(inv.requestId(), null, "Runtime.UserException", ErrorReport.of("E", "m"), null);

      assertEquals(400, unknown.status());
      assertTrue(unknown.body().contains("InvalidRequestID"), unknown.body());
      assertEquals(202, first.status());
      assertEquals(403, second.status());
      assertTrue(second.body().contains("InvalidStateTransition"), second.body());
      assertEquals(1, platform.connections());
    }

    // ---------------------------------------------------------------- injected statuses

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 410, 413})
    void aRefusedResponseIsAPostResultAndTheInvocationStillWaitsForItsAnswer(int status) throws Exception {
      CompletableFuture<InvokeResult> result = platform.invoke(utf8("{}"), InvokeOptions.none());
      Invocation inv = client.next();
      platform.inject(Endpoint.RESPONSE, Fault.status(status));

      PostResult refused = client.respond(inv.requestId(), null, utf8("\"first\""), null);
      PostResult accepted = client.respond(inv.requestId(), null, utf8("\"second\""), null);

      assertEquals(status, refused.status());
      assertTrue(refused.body().contains("errorType"), refused.body());
      assertEquals(status == 413, refused.tooLarge());
      assertTrue(accepted.accepted());
      assertEquals("\"second\"", result.get(30, SECONDS).bodyAsString());
      assertEquals(1, platform.connections(), "a refusal keeps the connection");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 410, 413})
    void aRefusedErrorIsAPostResult(int status) throws Exception {
      platform.invoke(utf8("{}"), InvokeOptions.none());
      Invocation inv = client.next();
      platform.inject(Endpoint.ERROR, Fault.status(status));

      PostResult refused = client.error(inv.requestId(), null, "Runtime.UserException", ErrorReport.of("E", "m"), null);

      assertEquals(status, refused.status());
      assertTrue(refused.body().contains("errorType"), refused.body());
    }

    @ParameterizedTest // the Runtime API's endpoints; the Extensions API has a client of its own
    @EnumSource(value = Endpoint.class, mode = EnumSource.Mode.EXCLUDE, names = {"EXTENSION_REGISTER", "EXTENSION_NEXT"})
    void a500OnAnyEndpointIsAContainerError(Endpoint endpoint) throws Exception {
      String requestId = "unused";
      if (endpoint == Endpoint.RESPONSE || endpoint == Endpoint.ERROR) {
        platform.invoke(utf8("{}"), InvokeOptions.none());
        requestId = client.next().requestId();
      }
      platform.inject(endpoint, Fault.status(500));
      String id = requestId;

      ContainerErrorException e = assertThrows(ContainerErrorException.class, () -> {
        switch (endpoint) {
          case NEXT -> client.next();
          case RESPONSE -> client.respond(id, null, utf8("1"), null);
          case ERROR -> client.error(id, null, "Runtime.UserException", ErrorReport.of("E", "m"), null);
          case INIT_ERROR -> client.initError("Runtime.Unknown", ErrorReport.of("E", "m"));
          case RESTORE_NEXT -> client.restoreNext();
          case RESTORE_ERROR -> client.restoreError("Runtime.AfterRestoreError", ErrorReport.of("E", "m"));
        }
      });

      assertTrue(e.getMessage().contains("500"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 410, 413})
    void aRefusedNextIsAnIoExceptionAndTheFollowingNextGetsTheInvocation(int status) throws Exception {
      platform.inject(Endpoint.NEXT, Fault.status(status));
      platform.invoke(utf8("{\"kept\":true}"), InvokeOptions.none());

      IOException e = assertThrows(IOException.class, () -> client.next());
      Invocation inv = client.next();

      assertFalse(e instanceof ContainerErrorException, e.toString());
      assertFalse(e instanceof InvalidInvocationException, e.toString());
      assertTrue(e.getMessage().contains(Integer.toString(status)), e.getMessage());
      assertEquals("{\"kept\":true}", new String(inv.payload(), UTF_8));
    }

    // ---------------------------------------------------------------- dropped connections

    @Test
    void aDroppedResponseFailsOnceAndTheNextCallUsesANewConnection() throws Exception {
      CompletableFuture<InvokeResult> result = platform.invoke(utf8("{}"), InvokeOptions.none());
      Invocation inv = client.next();
      platform.inject(Endpoint.RESPONSE, Fault.drop());

      IOException e = assertThrows(IOException.class,
          () -> client.respond(inv.requestId(), null, utf8("\"lost\""), null));
      assertFalse(e instanceof ContainerErrorException, e.toString());
      assertFalse(result.isDone(), "the dropped post did not answer the invocation");
      PostResult again = client.respond(inv.requestId(), null, utf8("\"kept\""), null);

      assertTrue(again.accepted());
      assertEquals("\"kept\"", result.get(30, SECONDS).bodyAsString());
      assertEquals(List.of(Endpoint.NEXT, Endpoint.RESPONSE, Endpoint.RESPONSE), endpoints(),
          "the dropped post was sent once, and only the caller sent it again");
      assertEquals(2, platform.connections());
    }

    @Test
    void aDroppedErrorFailsOnceAndTheNextCallUsesANewConnection() throws Exception {
      platform.invoke(utf8("{}"), InvokeOptions.none());
      Invocation inv = client.next();
      platform.inject(Endpoint.ERROR, Fault.drop());

      assertThrows(IOException.class,
          () -> client.error(inv.requestId(), null, "Runtime.UserException", ErrorReport.of("E", "m"), null));
      PostResult again = client.error(inv.requestId(), null, "Runtime.UserException", ErrorReport.of("E", "m"), null);

      assertTrue(again.accepted());
      assertEquals(2, count(Endpoint.ERROR));
      assertEquals(2, platform.connections());
    }

    @Test
    void aDroppedNextFailsWithAnIoExceptionAndTheFollowingNextGetsTheInvocation() throws Exception {
      platform.inject(Endpoint.NEXT, Fault.drop());
      platform.invoke(utf8("{\"after\":\"drop\"}"), InvokeOptions.none());

      IOException e = assertThrows(IOException.class, () -> client.next());
      Invocation inv = client.next();

      assertFalse(e instanceof ContainerErrorException, e.toString());
      assertFalse(e instanceof InvalidInvocationException, e.toString());
      assertEquals("{\"after\":\"drop\"}", new String(inv.payload(), UTF_8));
      assertEquals(2, count(Endpoint.NEXT), "the failed /next was not retried by the client");
      assertEquals(2, platform.connections());
    }
  }
}
