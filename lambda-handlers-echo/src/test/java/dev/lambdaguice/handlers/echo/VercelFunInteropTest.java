package dev.lambdaguice.handlers.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability: the echo function served through a Runtime API server nobody here wrote, the one in the npm
 * package {@code @vercel/fun} (pinned in {@code interop/vercel-fun/package.json}). Needs Node.js and npm.
 */
class VercelFunInteropTest {

  private static final Path ROOT = Path.of(System.getProperty("lambdaguice.projectRoot", ".."));
  private static final Path INTEROP = ROOT.resolve("interop/vercel-fun");

  @BeforeAll
  static void installFun() throws Exception {
    if (!Files.isDirectory(INTEROP.resolve("node_modules/@vercel/fun"))) {
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
          .directory(INTEROP.toFile()).redirectErrorStream(true).start();
      String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(npm.waitFor(300, TimeUnit.SECONDS), "npm ci did not finish");
      assertEquals(0, npm.exitValue(), "npm ci failed in " + INTEROP + ":\n" + output);
    }
  }

  @Test
  void echoAnswersThroughVercelFun(@TempDir Path dir) throws Exception {
    Path bootstrap = dir.resolve("bootstrap");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(bootstrap, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
        + "' dev.lambdaguice.runtime.guice.LambdaRuntime\n");
    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    String apiGatewayEvent = Events.read(EventFixtures.HTTP);

    List<JsonObject> results = invoke(bootstrap, "{\"body\":\"hello world\"}", apiGatewayEvent,
        "{\"nobody\":true}", "{\"body\":{\"a\":[1,2]}}");

    assertEquals(4, results.size(), results.toString());
    assertTrue(results.get(0).get("functionError").isJsonNull(), results.get(0).toString());
    assertEquals("\"hello world\"", results.get(0).get("payload").getAsString());
    assertEquals("\"{\\\"message\\\": \\\"hello\\\", \\\"tags\\\": [\\\"a\\\", \\\"b\\\"]}\"",
        results.get(1).get("payload").getAsString());
    assertEquals("Handled", results.get(2).get("functionError").getAsString());
    JsonObject error = JsonParser.parseString(results.get(2).get("payload").getAsString()).getAsJsonObject();
    assertEquals("java.lang.IllegalArgumentException", error.get("errorType").getAsString());
    assertTrue(error.get("errorMessage").getAsString().contains("\"body\""));
    assertEquals("{\"a\":[1,2]}", results.get(3).get("payload").getAsString(), "the runtime kept serving");
  }

  private static List<JsonObject> invoke(Path bootstrap, String... events) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "invoke.js", "--timeout", "120",
        "--env", "LAMBDA_GUICE_MODULES=" + EchoHandlerModule.class.getName(), "--handler", "echo",
        bootstrap.toString()));
    command.addAll(List.of(events));
    Path log = Files.createTempFile("vercel-fun", ".log");
    Process node = new ProcessBuilder(command).directory(INTEROP.toFile())
        .redirectError(log.toFile()).start();
    String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(180, TimeUnit.SECONDS), "invoke.js did not finish");
    assertEquals(0, node.exitValue(), "invoke.js failed; its log:\n" + Files.readString(log));
    List<JsonObject> results = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        results.add(JsonParser.parseString(line).getAsJsonObject());
      }
    }
    return results;
  }
}
