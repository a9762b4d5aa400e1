package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A test's hand-driven runtime: the Runtime API calls over java.net.http, one at a time. */
final class RuntimeCalls {
  static final String NEXT = "/2018-06-01/runtime/invocation/next";
  static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final String base;

  RuntimeCalls(LocalLambda lambda) {
    this.base = "http://" + lambda.runtimeApi();
  }

  CompletableFuture<HttpResponse<String>> nextAsync() {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(base + NEXT)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> next() throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + NEXT)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Takes the next invocation and returns its request id. */
  String take() throws IOException, InterruptedException {
    HttpResponse<String> next = next();
    if (next.statusCode() != 200) {
      throw new AssertionError("/next answered " + next.statusCode());
    }
    return next.headers().firstValue(REQUEST_ID).orElseThrow();
  }

  HttpResponse<String> respond(String requestId, byte[] body, String contentType, String... headers)
      throws IOException, InterruptedException {
    return post("/2018-06-01/runtime/invocation/" + requestId + "/response", body, contentType, headers);
  }

  HttpResponse<String> respond(String requestId, String body) throws IOException, InterruptedException {
    return respond(requestId, body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  HttpResponse<String> error(String requestId, String errorType, String json)
      throws IOException, InterruptedException {
    return post("/2018-06-01/runtime/invocation/" + requestId + "/error", json.getBytes(StandardCharsets.UTF_8),
        "application/json", "Lambda-Runtime-Function-Error-Type", errorType);
  }

  HttpResponse<String> initError(String errorType, String json) throws IOException, InterruptedException {
    return post("/2018-06-01/runtime/init/error", json.getBytes(StandardCharsets.UTF_8), "application/json",
        "Lambda-Runtime-Function-Error-Type", errorType);
  }

  HttpResponse<String> restoreNext() throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/2018-06-01/runtime/restore/next"))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> restoreNextAsync() {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/2018-06-01/runtime/restore/next")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> restoreError(String errorType, String json) throws IOException, InterruptedException {
    return post("/2018-06-01/runtime/restore/error", json.getBytes(StandardCharsets.UTF_8), "application/json",
        "Lambda-Runtime-Function-Error-Type", errorType);
  }

  /** {@code POST /2020-01-01/extension/register} with this body and, unless null, this name. */
  HttpResponse<String> register(String name, String body) throws IOException, InterruptedException {
    return name == null ? post("/2020-01-01/extension/register", body.getBytes(StandardCharsets.UTF_8),
        "application/json") : post("/2020-01-01/extension/register", body.getBytes(StandardCharsets.UTF_8),
        "application/json", "Lambda-Extension-Name", name);
  }

  /** {@code GET /2020-01-01/extension/event/next} with this identifier, unless null. */
  CompletableFuture<HttpResponse<String>> eventNextAsync(String identifier) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/2020-01-01/extension/event/next")).GET();
    if (identifier != null) {
      request.header("Lambda-Extension-Identifier", identifier);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, byte[] body, String contentType, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
