package dev.lambdaguice.runtime.local;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalMainTest {
  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void parsesEveryOption() {
    LocalOptions options = LocalOptions.parse(List.of("--modules", "com.a.M1, com.b.M2", "--handler", "echo",
        "--port=9100", "--host", "0.0.0.0", "--timeout", "12", "--memory", "1024", "--function-name", "orders",
        "--region", "eu-west-1", "--env", "A=1", "--env", "B=x=y", "--runtime-class", "com.x.Runtime"), Map.of());

    assertEquals(List.of("com.a.M1", "com.b.M2"), options.modules());
    assertEquals(List.of("echo"), options.handlers());
    assertEquals(9100, options.port());
    assertEquals("0.0.0.0", options.host());
    assertEquals(Duration.ofSeconds(12), options.timeout());
    assertEquals(1024, options.memorySizeMb());
    assertEquals("orders", options.functionName());
    assertEquals("eu-west-1", options.region());
    assertEquals(Map.of("A", "1", "B", "x=y"), options.env());
    assertEquals("com.x.Runtime", options.runtimeClass());
    assertFalse(options.help());
  }

  @Test
  void defaultsAndEnvironmentFallbacks() {
    LocalOptions options = LocalOptions.parse(List.of(),
        Map.of("LAMBDA_GUICE_MODULES", "com.a.M1", "_HANDLER", "from-env"));

    assertEquals(List.of("com.a.M1"), options.modules());
    assertEquals(List.of("from-env"), options.handlers());
    assertEquals(9000, options.port());
    assertEquals("127.0.0.1", options.host());
    assertEquals(Duration.ofSeconds(30), options.timeout());
    assertEquals("dev.lambdaguice.runtime.guice.LambdaRuntime", options.runtimeClass());
    assertEquals(List.of(), LocalOptions.parse(List.of("--modules", "m"), Map.of()).handlers());
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    assertMessage("no Guice modules", List.of("--handler", "echo"));
    assertMessage("unknown option: --prot", List.of("--modules", "m", "--prot", "1"));
    assertMessage("--port needs a whole number", List.of("--modules", "m", "--port", "abc"));
    assertMessage("--port must be between 0 and 65535", List.of("--modules", "m", "--port", "70000"));
    assertMessage("--handler needs a value", List.of("--modules", "m", "--handler"));
    assertMessage("--env needs NAME=VALUE", List.of("--modules", "m", "--env", "oops"));
    assertMessage("unexpected argument: stray", List.of("--modules", "m", "stray"));
    assertMessage("has no public static int run", List.of("--modules", "m", "--runtime-class", "no.Such"),
        LocalOptions::runtimeEntry);
  }

  @Test
  void servesTheInvokeEndpointWithAnInProcessRuntime() throws Exception {
    LocalOptions options = LocalOptions.parse(
        List.of("--modules", "com.a.M1", "--handler", "echo", "--port", "0", "--function-name", "orders"), Map.of());
    try (LocalMain local = LocalMain.start(options, FakeRuntime.loggingTo(log.stream()))) {
      URI invoke = local.lambda().invokeUri();
      assertTrue(local.banner().contains("curl -XPOST " + invoke), local.banner());
      assertTrue(local.banner().contains("curl -N -XPOST " + local.lambda().streamingInvokeUri()), local.banner());

      assertEquals("{\"body\":\"hello world\"}", post(invoke, "{\"body\":\"hello world\"}").body());
      assertEquals("orders", post(invoke, "env:AWS_LAMBDA_FUNCTION_NAME").body());
      assertEquals("com.a.M1", post(invoke, "env:LAMBDA_GUICE_MODULES").body());
      assertEquals("echo", post(invoke, "args").body());
    }
  }

  @Test
  void mainPrintsUsageAndExits2OnBadArguments() throws Exception {
    Process process = java(List.of("--modules", "m", "--port", "abc"));
    CompletableFuture<String> stderr = read(process.getErrorStream());

    assertEquals(2, exitCode(process));
    assertTrue(stderr.get(30, SECONDS).contains("--port needs a whole number"), stderr.get());
    assertTrue(stderr.get().contains("usage: "), stderr.get());
  }

  @Test
  void mainPrintsHelpAndExits0() throws Exception {
    Process process = java(List.of("--help"));
    CompletableFuture<String> stdout = read(process.getInputStream());

    assertEquals(0, exitCode(process));
    assertTrue(stdout.get(30, SECONDS).contains("--modules"), stdout.get());
  }

  @Test
  void mainServesUntilItIsStoppedAndThenStopsCleanly() throws Exception {
    Process process = java(List.of("--modules", "com.a.M1", "--handler", "echo", "--port", "0",
        "--runtime-class", FakeRuntime.class.getName()));
    CompletableFuture<String> stderr = read(process.getErrorStream());
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String banner = stdout.readLine();
      Matcher uri = Pattern.compile("curl -XPOST (\\S+)").matcher(String.valueOf(banner));
      assertTrue(uri.find(), banner);

      assertEquals("{\"body\":\"hello world\"}", post(URI.create(uri.group(1)), "{\"body\":\"hello world\"}").body());

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
  void mainInProcessExitsWithTheRuntimesCodeWhenTheRuntimeStopsByItself() throws Exception {
    Process process = java(List.of("--modules", "com.a.M1", "--port", "0", "--env", "FAKE_INIT_ERROR=broken",
        "--runtime-class", FakeRuntime.class.getName(), "--in-process"));
    CompletableFuture<String> stderr = read(process.getErrorStream());

    assertEquals(3, exitCode(process));
    assertTrue(stderr.get(30, SECONDS).contains("The runtime exited with code 3 after an init error"), stderr.get());
    assertTrue(stderr.get().contains("broken"), stderr.get());
  }

  @Test
  void parsesTheRuntimeOptions() {
    LocalOptions options = LocalOptions.parse(List.of("--modules", "m", "--handler", "k", "--in-process",
        "--jvm-arg", "-Xmx64m", "--jvm-arg=-Dx=y", "--invoke", "event.json"), Map.of());

    assertTrue(options.inProcess());
    assertEquals(List.of("-Xmx64m", "-Dx=y"), options.jvmArgs());
    assertEquals("event.json", options.invoke());
    assertEquals(8, LocalOptions.parse(List.of("--modules", "m", "--max-concurrency", "8"), Map.of())
        .maxConcurrency());
    LocalOptions defaults = LocalOptions.parse(List.of("--modules", "m"), Map.of());
    assertFalse(defaults.inProcess());
    assertEquals(List.of(), defaults.jvmArgs());
    assertNull(defaults.invoke());
    assertEquals(0, defaults.maxConcurrency());
    assertMessage("--invoke runs one key; got 2: a,b",
        List.of("--modules", "m", "--handler", "a,b", "--invoke", "-"));
    assertMessage("has no public static void main(String[])", List.of("--modules", "m", "--runtime-class",
        RuntimeWithoutMain.class.getName()), LocalOptions::runtimeMainClass);
  }

  @Test
  void mainAnswersATimeoutAtTheDeadlineKillsTheRuntimeAndServesTheNextFromAFreshOne() throws Exception {
    Process process = java(List.of("--modules", LifecycleModule.class.getName(), "--handler", LifecycleModule.KEY,
        "--port", "0", "--timeout", "1"));
    CompletableFuture<String> stderr = read(process.getErrorStream());
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      URI invoke = invokeUri(stdout);
      String first = post(invoke, "\"pid\"").body();
      assertEquals(first, post(invoke, "\"pid\"").body(), "warm");

      HttpResponse<String> timedOut = post(invoke, "\"hang\"");

      assertEquals("Unhandled", timedOut.headers().firstValue("X-Amz-Function-Error").orElse(null));
      assertTrue(timedOut.body().contains("Task timed out after 1.00 seconds"), timedOut.body());
      String fresh = post(invoke, "\"pid\"").body();
      assertFalse(fresh.equals(first), "a fresh runtime after the timeout: " + fresh);

      process.destroy();
      assertTrue(process.waitFor(30, SECONDS));
      String errors = stderr.get(30, SECONDS);
      assertTrue(errors.contains("LocalMain: the function (behave): invocation "), errors);
      assertTrue(errors.contains("timed out: killed the runtime process (pid " + first.replace("\"", "") + ")"),
          errors);
      assertFalse(errors.contains("Exception"), errors);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void maxConcurrencyServesInvocationsAtOnceAndSaysHowMany() throws Exception {
    Process process = java(List.of("--modules", LifecycleModule.class.getName(), "--handler", LifecycleModule.KEY,
        "--port", "0", "--max-concurrency", Integer.toString(LifecycleModule.GATHER)));
    String peak = "LocalMain: function behave: " + LifecycleModule.GATHER
        + " invocations ran at once (the most so far; AWS_LAMBDA_MAX_CONCURRENCY=3)";
    BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> notice = LocalMainProcess.inThread(() -> {
      for (String line = errors.readLine(); line != null; line = errors.readLine()) {
        if (line.contains("invocations ran at once")) {
          return line;
        }
      }
      return "(no such line)";
    });
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      URI invoke = invokeUri(stdout);
      List<CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < LifecycleModule.GATHER; i++) {
        calls.add(HTTP.sendAsync(HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString("\"gather\"")).build(), HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        assertEquals("\"gathered\"", call.get(60, SECONDS).body(), "all inside the handler at once");
      }
      assertEquals(peak, notice.get(60, SECONDS), "LocalMain says how many ran at once");
    } finally {
      process.destroyForcibly();
    }
  }

  /** The invoke URI of the first {@code curl} in the banner, the first line {@code LocalMain} prints. */
  private static URI invokeUri(BufferedReader stdout) throws IOException {
    String banner = stdout.readLine();
    Matcher uri = Pattern.compile("curl -XPOST (\\S+)").matcher(String.valueOf(banner));
    assertTrue(uri.find(), banner);
    return URI.create(uri.group(1));
  }

  /** A runtime class for {@code --in-process} only. */
  public static final class RuntimeWithoutMain {
    public static int run(Map<String, String> env, List<String> args) {
      return 0;
    }
  }

  private static HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Process java(List<String> args) throws IOException {
    return LocalMainProcess.start(args);
  }

  private static int exitCode(Process process) throws InterruptedException {
    return LocalMainProcess.exitCode(process);
  }

  private static CompletableFuture<String> read(java.io.InputStream stream) {
    return LocalMainProcess.read(stream);
  }

  private static void assertMessage(String expected, List<String> args) {
    assertMessage(expected, args, options -> null);
  }

  private static void assertMessage(String expected, List<String> args,
      java.util.function.Function<LocalOptions, Object> use) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> use.apply(LocalOptions.parse(args, Map.of())));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
