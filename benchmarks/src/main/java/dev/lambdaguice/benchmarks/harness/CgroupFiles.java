package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reading and writing cgroup control files, and emptying and removing a cgroup directory. */
final class CgroupFiles {

  private CgroupFiles() {}

  /** Writes {@code value} to a control file, saying which one in the error. */
  static void write(Path file, String value) throws IOException {
    try {
      Files.writeString(file, value);
    } catch (IOException e) {
      throw new IOException("cannot write '" + value + "' to " + file + ": " + e.getMessage(), e);
    }
  }

  /** A one-number file as a double, or NaN if it does not exist. */
  static double number(Path file) throws IOException {
    try {
      return Double.parseDouble(Files.readString(file).trim());
    } catch (NoSuchFileException e) {
      return Double.NaN;
    }
  }

  /** A flat-keyed file ({@code key value} per line, such as {@code cpu.stat}); empty if it does not exist. */
  static Map<String, Double> keyed(Path file) throws IOException {
    Map<String, Double> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length == 2) {
          values.put(fields[0], Double.parseDouble(fields[1]));
        }
      }
    } catch (NoSuchFileException e) {
      return Map.of();
    }
    return values;
  }

  /** The pids in a {@code cgroup.procs} file (none if the cgroup is gone). */
  static List<Long> pids(Path procs) throws IOException {
    try {
      return Files.readAllLines(procs).stream().map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong)
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /** Kills every process in {@code directory}'s {@code cgroup.procs}, waits until it is empty, removes it. */
  static void killAndRemove(Path directory) throws IOException, InterruptedException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    Path procs = directory.resolve("cgroup.procs");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Long> left;
    while (!(left = pids(procs)).isEmpty()) {
      left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      if (System.nanoTime() > deadline) {
        throw new IOException("processes " + left + " are still in " + directory + " after SIGKILL");
      }
      Thread.sleep(20);
    }
    // A cgroup is removed with rmdir, control files and all; its last process may take a moment to be released.
    while (true) {
      try {
        Files.deleteIfExists(directory);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("cannot remove the cgroup " + directory + ": " + e.getMessage(), e);
        }
        Thread.sleep(20);
      }
    }
  }
}
