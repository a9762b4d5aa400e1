package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.e2e.fixtures.E2eModule;
import dev.lambdaguice.runtime.e2e.fixtures.MoneyModule;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
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
  void recordsInAndOutFromRealApiGatewayEvents() throws Exception {
    serve("route");
    for (String event : new String[] {"aws-lambda-java-libs/apigw_rest_event.json", "aws-sam-cli/AwsProxy.json",
        "powertools-lambda-python/apiGatewayProxyEvent.json"}) {
      InvokeResult result = lambda.invoke(Events.read(event));
      assertFalse(result.error(), event + ": " + result.bodyAsString());
      JsonObject route = json(result);
      JsonObject source = JsonParser.parseString(Events.read(event)).getAsJsonObject();
      assertEquals(source.get("httpMethod").getAsString(), route.get("method").getAsString(), event);
      assertEquals(source.get("path").getAsString(), route.get("path").getAsString(), event);
      assertEquals(source.get("body").getAsString().length(), route.get("bodyLength").getAsInt(), event);
      assertTrue(result.contentType().startsWith("application/json"), result.contentType());
    }
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
