package dev.lambdaguice.samples.bookshop.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RuntimeError;
import dev.lambdaguice.runtime.local.StreamingInvocation;
import dev.lambdaguice.samples.bookshop.ReadmeExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sample's image ({@code target/jib-image.tar}, built by {@code jib:buildTar} in {@code package}) the way
 * Lambda runs a function's image: its own Entrypoint, Cmd, Env and WorkingDir, its layers as the root file system,
 * against the local Runtime API. One image, every handler key by changing the Cmd.
 */
class BookshopImageIT {

  private static final String MODULES = "dev.lambdaguice.samples.bookshop.BookshopModule";

  @TempDir
  static Path work;

  static ContainerImage image;

  @BeforeAll
  static void unpack() throws Exception {
    Path tar = Path.of(System.getProperty("image.tar", "target/jib-image.tar"));
    assertTrue(Files.isRegularFile(tar), "no image at " + tar.toAbsolutePath() + ": mvn package builds it");
    image = ContainerImage.unpack(tar, work.resolve("image"));
  }

  @Test
  void configRunsTheRuntimeWithTheSampleModulesAndApiAsDefaultKeyAndAllowsSnapStart() {
    assertEquals("/opt/java/bin/java", image.entrypoint().get(0), "the image's own JRE");
    assertEquals("dev.lambdaguice.runtime.guice.LambdaRuntime", image.entrypoint().get(image.entrypoint().size() - 1));
    assertEquals(List.of("api"), image.cmd());
    assertEquals(MODULES, image.env().get("LAMBDA_GUICE_MODULES"));
    assertTrue(Files.isRegularFile(image.rootfs().resolve("app/jib-classpath-file")), "/app comes from the layers");
    assertEquals("Allow", image.labels().get("com.amazonaws.lambda.feature.snapstart"),
        "declares SnapStart support, so that Lambda publishes SnapStart versions of it");
  }

  @Test
  void everyReadmeExampleAnswersAsDocumentedWithTheKeyAsCmd() throws Exception {
    Map<String, List<ReadmeExample>> byKey = ReadmeExample.byKey(Path.of("README.md"));
    assertEquals(List.of("api", "service-call", "sqs-service-call", "stock-arrivals", "echo"),
        List.copyOf(byKey.keySet()));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, List<ReadmeExample>> key : byKey.entrySet()) {
      try (LocalLambda lambda = LocalLambda.start();
          SandboxedContainer container = start(lambda, List.of(key.getKey()))) {
        List<String> mismatches = ReadmeExample.mismatches(lambda, key.getValue());
        if (!mismatches.isEmpty()) {
          wrong.addAll(mismatches);
          wrong.add("container output:\n" + container.output());
        }
        assertTrue(container.isAlive(), () -> key.getKey() + " stopped:\n" + output(container));
      }
    }
    if (!wrong.isEmpty()) {
      fail("image answers other than the README's:\n" + String.join("\n", wrong));
    }
  }

  @Test
  void defaultCmdServesApiAndLogsNothingButItsOwnLines() throws Exception {
    try (LocalLambda lambda = LocalLambda.start();
        SandboxedContainer container = start(lambda, null)) {
      InvokeResult result = lambda.invoke(
          "{\"version\":\"2.0\",\"rawPath\":\"/books/9780134685991\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
      assertFalse(result.error(), () -> result.bodyAsString() + output(container));
      assertTrue(result.bodyAsString().startsWith("{\"statusCode\":200,"), result::bodyAsString);
      assertTrue(result.bodyAsString().contains("Effective Java"), result::bodyAsString);
      for (String line : container.output().lines().toList()) {
        assertFalse(line.toLowerCase(java.util.Locale.ROOT).contains("warning"),
            () -> "the JVM or a library warned (a flag or the archive does not fit the image's JRE?):\n" + line);
      }
    }
  }

  @Test
  void theTrainedClassDataArchiveServesTheRuntimesClasses() throws Exception {
    String flag = Files.readString(image.rootfs().resolve("app/cds/jvm.args")).trim();
    assertTrue(flag.matches("-XX:(SharedArchiveFile|AOTCache)=/app/cds/app\\.(jsa|aot)"), flag);
    assertTrue(Files.size(image.rootfs().resolve(flag.substring(flag.indexOf("=/") + 2))) > 1_000_000, flag);
    ContainerImage logged = image.withJvmFlags(List.of("-Xlog:class+load=info:stdout"));
    try (LocalLambda lambda = LocalLambda.start();
        SandboxedContainer container = SandboxedContainer.start(logged, List.of("echo"),
            lambdaEnv(lambda), work.resolve("class-load.log"))) {
      assertFalse(lambda.invoke("{\"body\":\"x\"}").error(), () -> output(container));
      String loaded = container.output();
      // okhttp is the sample's outbound client (lambda-http-client, built at init): from the archive too
      for (String type : List.of("dev.lambdaguice.runtime.guice.InvocationLoop", "com.google.inject.Guice",
          "dev.lambdaguice.runtime.api.Http1Codec", "com.google.gson.Gson", "okhttp3.OkHttpClient")) {
        assertTrue(loaded.contains(" " + type + " source: shared objects file"),
            () -> type + " was not loaded from the archive:\n" + loaded.lines()
                .filter(line -> line.contains(" " + type + " ")).findFirst().orElse("(not loaded)"));
      }
      // ...but the runtime's own Runtime API calls never go through it: no okhttp connection is ever made
      for (String prefix : List.of(" okhttp3.internal.connection.RealConnection ",
          " okhttp3.internal.http1.Http1ExchangeCodec ")) {
        assertFalse(loaded.contains(prefix), () -> "the runtime used okhttp for HTTP:\n" + loaded.lines()
            .filter(line -> line.contains(prefix)).limit(5).collect(java.util.stream.Collectors.joining("\n")));
      }
    }
  }

  @Test
  void stockExportStreamsItsLinesFromTheImage() throws Exception {
    try (LocalLambda lambda = LocalLambda.start();
        SandboxedContainer container = start(lambda, List.of("stock-export"));
        StreamingInvocation export = lambda.invokeStreaming("{\"version\":\"2.0\",\"rawPath\":\"/\","
            + "\"queryStringParameters\":{\"pause\":\"1\"},\"requestContext\":{\"http\":{\"method\":\"GET\"}}}")) {
      assertTrue(export.streamed(), () -> output(container));
      assertEquals("application/vnd.awslambda.http-integration-response", export.contentType());
      String body = new String(export.body().readAllBytes(), StandardCharsets.UTF_8);
      assertFalse(export.result().error(), () -> export + " " + body + output(container));
      assertTrue(body.startsWith("{\"statusCode\":200,"), body);
      String[] lines = body.substring(body.indexOf("\0\0\0\0\0\0\0\0") + 8).split("\n");
      assertEquals(7, lines.length, body);
      assertTrue(lines[0].contains("\"title\":\"Effective Java\""), lines[0]);
    }
  }

  @Test
  void anUnknownKeyInCmdIsAnInitErrorAndTheContainerExits() throws Exception {
    try (LocalLambda lambda = LocalLambda.start();
        SandboxedContainer container = start(lambda, List.of("no-such-key"))) {
      assertTrue(container.waitFor(Duration.ofSeconds(30)), () -> "still running:\n" + output(container));
      RuntimeError error = lambda.initError().orElseThrow(() -> new AssertionError(output(container)));
      assertEquals("Runtime.NoSuchHandler", error.errorType());
      assertTrue(error.errorMessage().contains("no-such-key"), error::errorMessage);
      assertEquals(1, container.exitCode());
    }
  }

  private static SandboxedContainer start(LocalLambda lambda, List<String> cmd) throws IOException {
    String name = cmd == null ? "default" : String.join("-", cmd);
    return SandboxedContainer.start(image, cmd, lambdaEnv(lambda), work.resolve(name + ".log"));
  }

  private static Map<String, String> lambdaEnv(LocalLambda lambda) {
    Map<String, String> env = new LinkedHashMap<>(lambda.environment(null));
    env.put("LAMBDA_TASK_ROOT", "/var/task");
    return env;
  }

  private static String output(SandboxedContainer container) {
    try {
      return "\ncontainer output:\n" + container.output();
    } catch (IOException e) {
      return "\n(no container output: " + e + ")";
    }
  }
}
