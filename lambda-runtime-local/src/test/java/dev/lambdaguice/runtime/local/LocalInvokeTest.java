package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LocalMain --invoke}: one invocation, its result on stdout, the exit code telling how it went. */
class LocalInvokeTest {

  @TempDir
  Path dir;

  /** What a finished {@code LocalMain --invoke} process printed, and its exit code. */
  private record Run(int exitCode, String stdout, String stderr) {}

  private Run invoke(String event, String... extraArgs) throws Exception {
    return invokeKey(LifecycleModule.KEY, event, extraArgs);
  }

  private Run invokeKey(String key, String event, String... extraArgs) throws Exception {
    Path file = dir.resolve("event.json");
    Files.writeString(file, event);
    return run(null, key, file.toString(), extraArgs);
  }

  private Run run(String stdin, String key, String eventFile, String... extraArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of("--modules", LifecycleModule.class.getName(),
        "--handler", key, "--invoke", eventFile));
    args.addAll(List.of(extraArgs));
    Process process = LocalMainProcess.start(args);
    CompletableFuture<String> stdout = LocalMainProcess.read(process.getInputStream());
    CompletableFuture<String> stderr = LocalMainProcess.read(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(UTF_8));
      }
    }
    int code = LocalMainProcess.exitCode(process);
    return new Run(code, stdout.get(30, SECONDS), stderr.get(30, SECONDS));
  }

  @Test
  void printsOnlyTheResultOnStdoutAndExits0() throws Exception {
    Run run = invoke("\"print\"");

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("\"printed\"" + System.lineSeparator(), run.stdout());
    assertTrue(run.stderr().contains("printed by the function"), "what the function prints goes to stderr: "
        + run.stderr());
  }

  @Test
  void readsTheEventFromStdinForADash() throws Exception {
    Run run = run("\"from stdin\"", LifecycleModule.KEY, "-");

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("\"from stdin\"", run.stdout().strip());
  }

  @Test
  void aFunctionErrorIsPrintedAsItsErrorJsonAndExits1() throws Exception {
    Run run = invoke("\"fail\"");

    assertEquals(1, run.exitCode(), run.stderr());
    JsonObject error = JsonParser.parseString(run.stdout()).getAsJsonObject();
    assertEquals("failed on purpose", error.get("errorMessage").getAsString());
    assertTrue(run.stderr().contains("error: the invocation failed with "), run.stderr());
  }

  @Test
  void aTimeoutIsAnsweredAtTheDeadlineAndExits1() throws Exception {
    Run run = invoke("\"hang\"", "--timeout", "1");

    assertEquals(1, run.exitCode(), run.stderr());
    JsonObject error = JsonParser.parseString(run.stdout()).getAsJsonObject();
    assertEquals("Sandbox.Timedout", error.get("errorType").getAsString());
    assertTrue(error.get("errorMessage").getAsString().endsWith("Error: Task timed out after 1.00 seconds"),
        run.stdout());
  }

  @Test
  void anInitErrorExits1() throws Exception {
    Run run = invokeKey("no-such-key", "\"pid\"");

    assertEquals(1, run.exitCode(), run.stderr());
    assertEquals("Runtime.NoSuchHandler",
        JsonParser.parseString(run.stdout()).getAsJsonObject().get("errorType").getAsString());
  }

  @Test
  void aMissingEventFileExits2AndNamesIt() throws Exception {
    Run run = run(null, LifecycleModule.KEY, dir.resolve("missing.json").toString());

    assertEquals(2, run.exitCode(), run.stderr());
    assertEquals("", run.stdout());
    assertTrue(run.stderr().contains("cannot read the event " + dir.resolve("missing.json")), run.stderr());
  }
}
