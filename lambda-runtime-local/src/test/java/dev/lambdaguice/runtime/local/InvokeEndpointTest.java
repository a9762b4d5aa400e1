package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvokeEndpointTest {
  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private LocalLambda lambda;

  @AfterEach
  void close() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private HttpResponse<String> invoke(String event, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(lambda.invokeUri())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(event));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void returnsTheFunctionResponseWithItsContentType() throws Exception {
    lambda = LocalLambda.start();
    lambda.inProcess().entry(FakeRuntime.loggingTo(log.stream()))
        .env("FAKE_CONTENT_TYPE", "text/plain; charset=utf-8").start();

    HttpResponse<String> response = invoke("{\"body\":\"hello world\"}");

    assertEquals(200, response.statusCode());
    assertEquals("{\"body\":\"hello world\"}", response.body());
    assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.headers().firstValue("X-Amz-Function-Error").isEmpty());
  }

  @Test
  void returnsAFunctionErrorAsItsJsonWithXAmzFunctionErrorUnhandled() throws Exception {
    lambda = LocalLambda.start();
    lambda.inProcess().entry(FakeRuntime.loggingTo(log.stream())).start();

    HttpResponse<String> response = invoke("error:kaboom");

    assertEquals(200, response.statusCode());
    assertEquals("Unhandled", response.headers().firstValue("X-Amz-Function-Error").orElseThrow());
    JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
    assertEquals("kaboom", error.get("errorMessage").getAsString());
    assertEquals("FakeError", error.get("errorType").getAsString());
  }

  @Test
  void mapsTraceClientContextAndTenantHeadersToTheInvocation() throws Exception {
    lambda = LocalLambda.start();
    RuntimeCalls runtime = new RuntimeCalls(lambda);
    String clientContext = "{\"custom\":{\"k\":\"v\"}}";
    String traceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    HttpRequest request = HttpRequest.newBuilder(lambda.invokeUri())
        .header("X-Amzn-Trace-Id", traceId)
        .header("X-Amz-Client-Context", Base64.getEncoder().encodeToString(clientContext.getBytes(UTF_8)))
        .header("X-Amz-Tenant-Id", "tenant-1")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    CompletableFuture<HttpResponse<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());

    HttpResponse<String> next = runtime.next();
    assertEquals(traceId, next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow());
    assertEquals(clientContext, next.headers().firstValue("Lambda-Runtime-Client-Context").orElseThrow());
    assertEquals("tenant-1", next.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id").orElseThrow());
    runtime.respond(next.headers().firstValue(RuntimeCalls.REQUEST_ID).orElseThrow(), "\"ok\"");

    assertEquals("\"ok\"", response.get(30, SECONDS).body());
  }

  @Test
  void anEventOverSixMebibytesIs413() throws Exception {
    lambda = LocalLambda.start();

    HttpResponse<String> response = invoke("x".repeat(6 * 1024 * 1024 + 1));

    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("RequestEntityTooLargeException"), response.body());
  }

  @Test
  void answers504WhenNoRuntimeTakesTheEventInTime() throws Exception {
    lambda = LocalLambda.builder().invokeTimeout(Duration.ofMillis(200)).start();

    HttpResponse<String> response = invoke("{}");

    assertEquals(504, response.statusCode());
    assertTrue(response.body().contains("no runtime took it"), response.body());
  }

  @Test
  void unknownPathsAre404AndKeepTheConnectionUsable() throws Exception {
    lambda = LocalLambda.start();
    try (RawHttp client = new RawHttp(lambda.port())) {
      assertEquals(404, client.get("/2018-06-01/runtime/invocation/abc/unknown").status());
      assertEquals(404, client.post("/nothing", "{}").status());
      assertEquals(404, client.get("/2018-06-01/runtime/init/error").status());
    }
    assertEquals(2, lambda.requests().size(), "only Runtime API paths are recorded");
    assertTrue(lambda.requests().stream().allMatch(r -> r.endpoint() == null));
  }

  @Test
  void anotherMethodThanPostOnTheInvokePathIs405WithAllowAndTheConnectionStaysUsable() throws Exception {
    lambda = LocalLambda.start();
    try (RawHttp client = new RawHttp(lambda.port())) {
      RawHttp.Response get = client.get("/2015-03-31/functions/function/invocations");
      assertEquals(405, get.status());
      assertEquals("POST", get.header("Allow"));
      assertTrue(get.bodyAsString().contains("MethodNotAllowedException"), get.bodyAsString());
      assertEquals(404, client.post("/nothing", "{}").status(), "the same connection answers the next request");
    }
  }
}
