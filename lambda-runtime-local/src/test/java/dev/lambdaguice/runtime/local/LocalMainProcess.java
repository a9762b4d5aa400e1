package dev.lambdaguice.runtime.local;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@link LocalMain} in a child JVM with this JVM's class path, for tests of its exit codes and output. */
final class LocalMainProcess {

  private LocalMainProcess() {}

  static Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LocalMain.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).start();
  }

  /**
   * Waits up to 30 s for the process to exit, else kills it and fails. (Never destroys a process that exited:
   * that closes its output streams under a reader still reading what it printed last.)
   */
  static int exitCode(Process process) throws InterruptedException {
    if (!process.waitFor(30, SECONDS)) {
      process.destroyForcibly();
      fail("the process did not exit");
    }
    return process.exitValue();
  }

  /** Reads the stream to its end in the background. */
  static CompletableFuture<String> read(InputStream stream) {
    return inThread(() -> {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }

  /**
   * Runs blocking work on a thread of its own: not {@code supplyAsync}, whose pool has a single thread on JDK 25
   * with two processors, so one blocked reader would starve the others.
   */
  static <T> CompletableFuture<T> inThread(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }, "local-main-process-reader");
    thread.setDaemon(true);
    thread.start();
    return result;
  }
}
