package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The JVM of a runtime under test, and what {@code /proc} says about it: the started process itself (a launcher
 * that {@code exec}s it keeps its pid), or for a container image the {@code java} process among its descendants.
 *
 * @param pid the JVM's pid
 */
public record JvmProcess(long pid) {

  /** USER_HZ, the unit of {@code /proc/<pid>/stat} times: 100 on Linux. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /** The JVM that {@code process} is or started; fails if there is none ({@code --java} must exec java). */
  public static JvmProcess of(Process process) throws IOException {
    if (isJava(process.toHandle())) {
      return new JvmProcess(process.pid());
    }
    Optional<ProcessHandle> jvm = process.descendants().filter(JvmProcess::isJava).findFirst();
    if (jvm.isEmpty()) {
      throw new IOException("neither the runtime process (" + process.info().command().orElse("?")
          + ") nor any of its descendants is a JVM: a --java script must exec java");
    }
    return new JvmProcess(jvm.get().pid());
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("java"))
        .orElse(false);
  }

  /** The CPU time (user and system, all threads) of the live JVM, from {@code /proc/<pid>/stat}, in ns. */
  public long cpuNanos() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    return ticks * TimeUnit.SECONDS.toNanos(1) / CLOCK_TICKS_PER_SECOND;
  }

  /** VmHWM of the live JVM, in KiB. */
  public long peakRssKb() throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
      }
    }
    throw new IOException("no VmHWM in " + status);
  }
}
