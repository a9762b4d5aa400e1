package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.e2e.fixtures.ApiGatewayRequest;
import dev.lambdaguice.runtime.e2e.fixtures.E2eModule;
import dev.lambdaguice.runtime.e2e.fixtures.MoneyModule;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.test.Events;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler contract, served by the real loop in-process over real HTTP from lambda-runtime-local. */
class HandlerContractTest {

  private LocalLambda lambda;

  @BeforeEach
  void start() throws Exception {
    lambda = LocalLambda.builder().functionName("orders").memorySizeMb(1024).start();
  }

  @AfterEach
  void stop() {
    lambda.close();
  }

  private void serve(String key) {
    lambda.inProcess().modules(E2eModule.class).handler(key)
        .env(Map.of("AWS_LAMBDA_FUNCTION_VERSION", "7", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders",
            "AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/25/[7]abc"))
        .start();
  }

  private static JsonObject json(InvokeResult result) {
    return JsonParser.parseString(result.bodyAsString()).getAsJsonObject();
  }

  @Test
  void recordsInAndOutFromApiGatewayEvents() throws Exception {
    serve("route");
    for (String[] expected : new String[][] {{EventFixtures.REST_POST, "POST", "/orders", "74"},
        {EventFixtures.REST_GET, "GET", "/books/9780134685991", "-1"},
        {EventFixtures.REST_BASE64, "PUT", "/files/logo.png", "24"}}) {
      String event = expected[0];
      InvokeResult result = lambda.invoke(Events.read(event));
      assertFalse(result.error(), event + ": " + result.bodyAsString());
      JsonObject route = json(result);
      assertEquals(expected[1], route.get("method").getAsString(), event);
      assertEquals(expected[2], route.get("path").getAsString(), event);
      assertEquals(Integer.parseInt(expected[3]), route.get("bodyLength").getAsInt(), event + ": -1 for no body");
      assertTrue(result.contentType().startsWith("application/json"), result.contentType());
    }
  }

  @Test
  void theRecordReadsEveryFieldItNamesFromTheFixtures() {
    ApiGatewayRequest post = new Gson().fromJson(Events.read(EventFixtures.REST_POST), ApiGatewayRequest.class);
    assertEquals(new ApiGatewayRequest("POST", "/orders", Map.of("Content-Type", "application/json",
        "Host", "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
        "X-Amzn-Trace-Id", "Root=1-692f8c80-3f1e5d7a9b0c2e4f6a8b0c1d"),
        "{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"9780134685991\", \"quantity\": 2}]}"), post);
    ApiGatewayRequest get = new Gson().fromJson(Events.read(EventFixtures.REST_GET), ApiGatewayRequest.class);
    assertEquals(new ApiGatewayRequest("GET", "/books/9780134685991",
        Map.of("Accept", "application/json", "Accept-Encoding", "gzip, deflate"), null), get);
    ApiGatewayRequest put = new Gson().fromJson(Events.read(EventFixtures.REST_BASE64),
        ApiGatewayRequest.class);
    assertEquals("iVBORw0KGgoAAAANSUhEUg==", put.body(), "the base64 text as it came");
    assertEquals(Map.of("Content-Type", "image/png"), put.headers());
  }

  @Test
  void bytesInAndRawBytesOut() throws Exception {
    serve("reverse");
    byte[] event = {1, 2, (byte) 0xff, 0, 'a'};
    InvokeResult result = lambda.invoke(event);
    assertArrayEquals(new byte[] {'a', 0, (byte) 0xff, 2, 1}, result.body());
    assertEquals("application/octet-stream", result.contentType());
  }

  @Test
  void textInUndecodedAndTextOut() throws Exception {
    serve("shout");
    InvokeResult result = lambda.invoke("{\"a\": \"hé\"}");
    assertEquals("{\"A\": \"HÉ\"}", result.bodyAsString());
    assertTrue(result.contentType().startsWith("text/plain"), result.contentType());
  }

  @Test
  void theApplicationsGsonReadsEventsAndWritesResults() throws Exception {
    lambda.inProcess().modules(MoneyModule.class).handler("double").start();
    assertEquals("\"25.00 EUR\"", lambda.invoke("\"12.50 EUR\"").bodyAsString());
  }

  @Test
  void contextCarriesInvocationAndFunctionValues() throws Exception {
    serve("context");
    InvokeResult result = lambda.invoke("{}".getBytes(StandardCharsets.UTF_8), InvokeOptions.none()
        .withTraceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
        .withTenantId("tenant-7")
        .withInvocationId("inv-42")
        .withClientContext("{\"client\":{\"app_title\":\"Shop\"},\"custom\":{\"tier\":\"gold\"},\"env\":{}}")
        .withCognitoIdentity("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}"));
    JsonObject seen = json(result);
    assertEquals(result.requestId(), seen.get("requestId").getAsString());
    long remaining = seen.get("remainingMs").getAsLong();
    assertTrue(remaining > 0 && remaining <= 30_000, "remaining time from the deadline: " + remaining);
    assertEquals(lambda.functionArn(), seen.get("arn").getAsString());
    String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    assertEquals(trace, seen.get("traceId").getAsString());
    assertEquals(trace, seen.get("traceProperty").getAsString(), "com.amazonaws.xray.traceHeader during the call");
    assertEquals("tenant-7", seen.get("tenantId").getAsString());
    assertEquals("inv-42", seen.get("invocationId").getAsString());
    assertEquals("orders", seen.get("functionName").getAsString());
    assertEquals("7", seen.get("functionVersion").getAsString());
    assertEquals(1024, seen.get("memoryMb").getAsInt());
    assertEquals("/aws/lambda/orders", seen.get("logGroup").getAsString());
    assertEquals("2026/11/25/[7]abc", seen.get("logStream").getAsString());
    assertEquals("Shop", seen.get("appTitle").getAsString());
    assertEquals("gold", seen.get("custom").getAsString());
    assertEquals("id-1", seen.get("identityId").getAsString());
    assertEquals("pool-1", seen.get("identityPoolId").getAsString());

    JsonObject next = json(lambda.invoke("{}"));
    assertNotEquals(trace, next.get("traceProperty").getAsString(), "each invocation has its own trace id");
    assertEquals(next.get("traceId").getAsString(), next.get("traceProperty").getAsString());
    assertTrue(next.get("clientContext") == null && !next.has("identityId"), "absent headers give null");
  }
}
