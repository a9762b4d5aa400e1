package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LocalMain} with several handler keys: one function each, behind one invoke endpoint. */
class LocalMainFunctionsTest {
  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final List<String> KEYS = List.of("api", "service-call", "echo");
  private static final Pattern KEY_LINE = Pattern.compile("  (\\S+) +curl -XPOST (\\S+) -d '(.*)'");

  @Test
  void eachKeyIsItsOwnFunctionWithItsOwnRuntimeApi() throws Exception {
    try (LocalMain local = start()) {
      Set<String> runtimeApis = new HashSet<>();
      for (String key : KEYS) {
        URI invoke = local.invokeUri(key);
        assertEquals(key, post(invoke, "args").body());
        assertEquals(key, post(invoke, "env:_HANDLER").body());
        assertEquals(key, post(invoke, "env:AWS_LAMBDA_FUNCTION_NAME").body());
        assertEquals("/aws/lambda/" + key, post(invoke, "env:AWS_LAMBDA_LOG_GROUP_NAME").body());
        assertEquals("com.a.M1", post(invoke, "env:LAMBDA_GUICE_MODULES").body());
        assertEquals("x", post(invoke, "env:EXTRA").body());
        String runtimeApi = post(invoke, "env:AWS_LAMBDA_RUNTIME_API").body();
        assertTrue(runtimeApi.startsWith("127.0.0.1:"), runtimeApi);
        assertNotEquals("127.0.0.1:" + invoke.getPort(), runtimeApi, "the public port serves no Runtime API");
        runtimeApis.add(runtimeApi);
      }
      assertEquals(3, runtimeApis.size(), runtimeApis.toString());
      assertEquals("{\"body\":\"hi\"}", post(local.invokeUri("echo"), "{\"body\":\"hi\"}").body());
    }
  }

  @Test
  void functionIsTheFirstKey() throws Exception {
    try (LocalMain local = start()) {
      URI function = local.invokeUri("function");
      assertTrue(function.toString().endsWith("/2015-03-31/functions/function/invocations"), function.toString());
      assertEquals("api", post(function, "args").body());
      assertEquals(post(local.invokeUri("api"), "env:AWS_LAMBDA_RUNTIME_API").body(),
          post(function, "env:AWS_LAMBDA_RUNTIME_API").body());
    }
  }

  @Test
  void anUnknownFunctionIs404ResourceNotFound() throws Exception {
    try (LocalMain local = start()) {
      HttpResponse<String> response = post(local.invokeUri("nope"), "{}");

      assertEquals(404, response.statusCode());
      assertEquals("ResourceNotFoundException", response.headers().firstValue("X-Amzn-ErrorType").orElseThrow());
      JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
      assertEquals("ResourceNotFoundException", error.get("errorType").getAsString());
      assertEquals("Function not found: nope", error.get("errorMessage").getAsString());

      try (RawHttp client = new RawHttp(local.invokeUri("api").getPort())) {
        String named = client.post("/2015-03-31/functions/a\u0001b\u001bc\td\u2028e/invocations", "{}").bodyAsString();
        assertEquals("Function not found: a?b?c?d?e", message(named));
        String longName = client.post("/2015-03-31/functions/" + "x".repeat(500) + "/invocations", "{}")
            .bodyAsString();
        assertEquals("Function not found: " + "x".repeat(140) + "...", message(longName));
        assertEquals(404, client.get("/2018-06-01/runtime/invocation/next").status(), "no Runtime API here");
        assertEquals("api", client.post("/2015-03-31/functions/api/invocations", "args").bodyAsString(),
            "the connection stays usable");
      }
    }
  }

  @Test
  void mapsTheInvokeHeadersForAKeyOtherThanTheFirst() throws Exception {
    try (LocalMain local = start()) {
      URI echo = local.invokeUri("echo");
      String traceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
      String clientContext = "{\"custom\":{\"k\":\"v\"}}";

      HttpResponse<String> response = post(echo, "headers", "X-Amzn-Trace-Id", traceId,
          "X-Amz-Client-Context", Base64.getEncoder().encodeToString(clientContext.getBytes(UTF_8)),
          "X-Amz-Tenant-Id", "tenant-1");

      assertEquals(200, response.statusCode());
      JsonObject next = JsonParser.parseString(response.body()).getAsJsonObject();
      assertEquals(traceId, next.get("lambda-runtime-trace-id").getAsString());
      assertEquals(clientContext, next.get("lambda-runtime-client-context").getAsString());
      assertEquals("tenant-1", next.get("lambda-runtime-aws-tenant-id").getAsString());
      assertEquals("arn:aws:lambda:us-east-1:123456789012:function:echo",
          next.get("lambda-runtime-invoked-function-arn").getAsString());

      HttpResponse<String> failed = post(echo, "error:kaboom");
      assertEquals(200, failed.statusCode());
      assertEquals("Unhandled", failed.headers().firstValue("X-Amz-Function-Error").orElseThrow());
      assertEquals("kaboom", message(failed.body()));

      HttpResponse<String> badContext = post(echo, "{}", "X-Amz-Client-Context", "not base64!");
      assertEquals(400, badContext.statusCode());
      assertTrue(badContext.body().contains("InvalidRequestContentException"), badContext.body());

      HttpResponse<String> tooLarge = post(echo, "x".repeat(6 * 1024 * 1024 + 1));
      assertEquals(413, tooLarge.statusCode());
      assertTrue(tooLarge.body().contains("RequestEntityTooLargeException"), tooLarge.body());
    }
  }

  @Test
  void theBannerHasACurlLineForEachKey() throws Exception {
    try (LocalMain local = start()) {
      List<String> lines = List.of(local.banner().split("\n"));

      assertEquals(KEYS.size() + 3, lines.size(), local.banner());
      for (int i = 0; i < KEYS.size(); i++) {
        String key = KEYS.get(i);
        Matcher line = KEY_LINE.matcher(lines.get(i + 1));
        assertTrue(line.matches(), lines.get(i + 1));
        assertEquals(key, line.group(1));
        assertEquals(local.invokeUri(key).toString(), line.group(2));
        assertEquals(key.equals("echo") ? "{\"body\":\"hello world\"}" : "{}", line.group(3));
        assertEquals(key, post(URI.create(line.group(2)), "args").body());
      }
      assertEquals(LocalMain.STREAMED + "curl -N -XPOST " + local.invokeUri("echo").resolve("/").toString()
          + "2021-11-15/functions/<key>/response-streaming-invocations -d ...", lines.get(lines.size() - 2));
      assertTrue(lines.get(lines.size() - 1).contains(local.invokeUri("function").toString()), local.banner());
    }
  }

  @Test
  void mainInProcessNamesTheKeyWhoseRuntimeFailedInitAndExitsWithItsCode() throws Exception {
    Process process = LocalMainProcess.start(List.of("--modules", "com.a.M1", "--port", "0",
        "--handler", "api,service-call,echo", "--env", "FAKE_INIT_ERROR=broken",
        "--env", "FAKE_INIT_ERROR_HANDLER=service-call", "--runtime-class", FakeRuntime.class.getName(),
        "--in-process"));
    CompletableFuture<String> stderr = LocalMainProcess.read(process.getErrorStream());

    assertEquals(3, LocalMainProcess.exitCode(process));
    String errors = stderr.get(30, SECONDS);
    assertTrue(errors.contains("The runtime of function service-call exited with code 3 after an init error: "),
        errors);
    assertTrue(errors.contains("broken"), errors);
    assertTrue(errors.contains("fake runtime starting with handler api"), errors);
    assertFalse(errors.contains("fake runtime starting with handler echo"), "started after a failure: " + errors);
    assertFalse(errors.contains("function api"), errors);
  }

  @Test
  void mainStopsEveryFunctionWhenItIsStopped() throws Exception {
    Process process = LocalMainProcess.start(List.of("--modules", "com.a.M1", "--port", "0",
        "--handler", "api,echo", "--runtime-class", FakeRuntime.class.getName()));
    CompletableFuture<String> stderr = LocalMainProcess.read(process.getErrorStream());
    try {
      Map<String, URI> uris = bannerUris(process, 2);
      assertEquals(List.of("api", "echo"), new ArrayList<>(uris.keySet()));
      assertEquals("api", post(uris.get("api"), "args").body());
      assertEquals("echo", post(uris.get("echo"), "args").body());

      process.destroy();
      assertTrue(process.waitFor(30, SECONDS));
      String errors = stderr.get(30, SECONDS);
      assertFalse(errors.contains("The runtime"), errors);
      assertFalse(errors.contains("Exception"), errors);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void theRealRuntimeServesEachKeyFromItsOwnInjector() throws Exception {
    Process process = LocalMainProcess.start(List.of("--modules", WhoAmIModule.class.getName(), "--port", "0",
        "--handler", "who-a,who-b"));
    LocalMainProcess.read(process.getErrorStream());
    try {
      Map<String, URI> uris = bannerUris(process, 2);
      String[] a = whoAmI(post(uris.get("who-a"), "hi"));
      String[] b = whoAmI(post(uris.get("who-b"), "hi"));
      String[] function = whoAmI(post(functionUri(uris.get("who-a")), "hi"));

      assertEquals(List.of("who-a", a[1], "hi"), List.of(a));
      assertEquals(List.of("who-b", b[1], "hi"), List.of(b));
      assertNotEquals(a[1], b[1], "each key has its own injector");
      assertEquals(List.of(a), List.of(function));
    } finally {
      process.destroy();
      process.waitFor(30, SECONDS);
      process.destroyForcibly();
    }
  }

  @Test
  void theRealRuntimesInitErrorAnswersItsInvocationAndTheOtherKeysServeOn() throws Exception {
    Process process = LocalMainProcess.start(List.of("--modules", WhoAmIModule.class.getName(), "--port", "0",
        "--handler", "who-a,nope,who-b"));
    CompletableFuture<String> stderr = LocalMainProcess.read(process.getErrorStream());
    try {
      Map<String, URI> uris = bannerUris(process, 3);

      HttpResponse<String> nope = post(uris.get("nope"), "hi");
      assertEquals("Unhandled", nope.headers().firstValue("X-Amz-Function-Error").orElse(null));
      assertTrue(nope.body().contains("Runtime.NoSuchHandler"), nope.body());
      assertEquals("who-a", whoAmI(post(uris.get("who-a"), "hi"))[0]);
      assertEquals("who-b", whoAmI(post(uris.get("who-b"), "hi"))[0]);

      process.destroy();
      assertTrue(process.waitFor(30, SECONDS));
      String errors = stderr.get(30, SECONDS);
      assertTrue(Pattern.compile("LocalMain: function nope: the runtime process \\(pid \\d+\\) exited with status 1"
          + " after an init error \\(Runtime.NoSuchHandler\\); the next invocation starts a fresh one")
          .matcher(errors).find(), errors);
    } finally {
      process.destroyForcibly();
    }
  }

  private LocalMain start() throws Exception {
    LocalOptions options = LocalOptions.parse(List.of("--modules", "com.a.M1", "--port", "0",
        "--handler", "api,service-call", "--handler", "echo", "--env", "EXTRA=x"), Map.of());
    return LocalMain.start(options, FakeRuntime.loggingTo(log.stream()));
  }

  /** Reads the banner from the process's stdout: each key's invoke URI, in order. */
  private static Map<String, URI> bannerUris(Process process, int keys) throws Exception {
    BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    return LocalMainProcess.inThread(() -> {
      String line;
      do {
        line = stdout.readLine();
      } while (line != null && !line.startsWith("Local Lambda serving"));
      Map<String, URI> uris = new LinkedHashMap<>();
      for (int i = 0; i < keys; i++) {
        Matcher key = KEY_LINE.matcher(String.valueOf(stdout.readLine()));
        assertTrue(key.matches(), key.toString());
        uris.put(key.group(1), URI.create(key.group(2)));
      }
      return uris;
    }).get(60, SECONDS);
  }

  private static URI functionUri(URI keyUri) {
    return keyUri.resolve("/2015-03-31/functions/function/invocations");
  }

  private static String[] whoAmI(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return JsonParser.parseString(response.body()).getAsString().split(" ");
  }

  private static String message(String errorJson) {
    return JsonParser.parseString(errorJson).getAsJsonObject().get("errorMessage").getAsString();
  }

  private static HttpResponse<String> post(URI uri, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
