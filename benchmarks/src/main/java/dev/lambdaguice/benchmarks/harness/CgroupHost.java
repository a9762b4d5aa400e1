package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machine's cgroups, as the harness uses them: it finds a usable hierarchy (cgroup v2 with the {@code cpu} and
 * {@code memory} controllers available, else v1 with both mounted), makes the parent {@code lambda-bench} at the
 * hierarchy's root and creates one {@link Cgroup} per sandboxed process in it, named {@code h<harness pid>-<n>}.
 * Needs root. Every cgroup it created and did not release yet is killed and removed by {@link #close} and, if the
 * harness is stopped, by a shutdown hook; leftovers of harnesses that died are removed when one starts.
 */
public final class CgroupHost implements AutoCloseable {

  /** The parent cgroup of every sandbox, at the root of the hierarchy (or of each v1 hierarchy). */
  public static final String PARENT = "lambda-bench";

  private final int version;
  private final List<Path> parents;
  private final String prefix = "h" + ProcessHandle.current().pid() + "-";
  private final AtomicInteger sequence = new AtomicInteger();
  private final Set<Cgroup> live = ConcurrentHashMap.newKeySet();
  private final Thread shutdownHook = new Thread(this::closeQuietly, "cgroup-cleanup");

  private CgroupHost(int version, List<Path> parents) {
    this.version = version;
    this.parents = parents;
  }

  /**
   * Finds a usable hierarchy and makes the parent cgroup.
   *
   * @param preference {@code auto} (v2 if its controllers are available, else v1), {@code v1} or {@code v2}
   */
  public static CgroupHost open(String preference) throws IOException, InterruptedException {
    if (!isRoot()) {
      throw new IOException("the Lambda sandbox (lambda-<MB> modes, --memory) creates cgroups, which needs root:"
          + " run the harness as root, or measure on the whole machine only (--modes unpinned,pinned)");
    }
    Path v2 = null;
    Path v1Cpu = null;
    Path v1Memory = null;
    for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
      String[] fields = line.split(" ");
      if (fields.length < 4) {
        continue;
      }
      List<String> options = List.of(fields[3].split(","));
      if (fields[2].equals("cgroup2")) {
        Path controllers = Path.of(fields[1], "cgroup.controllers");
        if (Files.exists(controllers)
            && List.of(Files.readString(controllers).trim().split(" ")).containsAll(List.of("cpu", "memory"))) {
          v2 = Path.of(fields[1]);
        }
      } else if (fields[2].equals("cgroup")) {
        v1Cpu = options.contains("cpu") ? Path.of(fields[1]) : v1Cpu;
        v1Memory = options.contains("memory") ? Path.of(fields[1]) : v1Memory;
      }
    }
    boolean v1 = v1Cpu != null && v1Memory != null;
    CgroupHost host;
    if (v2 != null && !preference.equals("v1")) {
      Path parent = v2.resolve(PARENT);
      enableControllers(v2);
      Files.createDirectories(parent);
      enableControllers(parent);
      host = new CgroupHost(2, List.of(parent));
    } else if (v1 && !preference.equals("v2")) {
      host = new CgroupHost(1, List.of(
          Files.createDirectories(v1Cpu.resolve(PARENT)), Files.createDirectories(v1Memory.resolve(PARENT))));
    } else {
      throw new IOException("no usable cgroup hierarchy for --cgroup " + preference + ": need cgroup v2 with the"
          + " cpu and memory controllers in its cgroup.controllers, or cgroup v1 with cpu and memory mounted"
          + " (found v2 with both: " + (v2 != null) + ", v1 cpu: " + v1Cpu + ", v1 memory: " + v1Memory + ")");
    }
    host.removeLeftovers();
    Runtime.getRuntime().addShutdownHook(host.shutdownHook);
    return host;
  }

  /** A fresh cgroup with {@code limits}; {@link #release} it once its process has ended. */
  public Cgroup create(SandboxLimits limits) throws IOException {
    String name = prefix + sequence.incrementAndGet();
    Cgroup cgroup = version == 2 ? CgroupV2.create(parents.get(0), name, limits)
        : CgroupV1.create(parents.get(0), parents.get(1), name, limits);
    live.add(cgroup);
    return cgroup;
  }

  /** Kills what is left in {@code cgroup} and removes it. */
  public void release(Cgroup cgroup) throws IOException, InterruptedException {
    try {
      cgroup.close();
    } finally {
      live.remove(cgroup);
    }
  }

  /** {@code cgroup v1 (<parents>)} or {@code cgroup v2 (<parent>)}. */
  public String describe() {
    return "cgroup v" + version + " " + parents;
  }

  /** Releases every cgroup not released yet and removes the parents if nothing else uses them. */
  @Override
  public void close() throws IOException, InterruptedException {
    for (Cgroup cgroup : List.copyOf(live)) {
      release(cgroup);
    }
    for (Path parent : parents) {
      try {
        Files.deleteIfExists(parent);
      } catch (IOException e) {
        // another harness's sandboxes are in it
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: this is the hook
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException | InterruptedException e) {
      System.err.println("could not remove every sandbox cgroup: " + e.getMessage());
    }
  }

  /** Removes the cgroups of harnesses that are no longer running. */
  private void removeLeftovers() throws IOException, InterruptedException {
    for (Path parent : parents) {
      List<Path> stale = new ArrayList<>();
      try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, "h*-*")) {
        for (Path child : children) {
          String pid = child.getFileName().toString().substring(1, child.getFileName().toString().indexOf('-'));
          if (!pid.isEmpty() && pid.chars().allMatch(Character::isDigit) && !isRunning(pid)) {
            stale.add(child);
          }
        }
      }
      for (Path child : stale) {
        CgroupFiles.killAndRemove(child);
      }
    }
  }

  /** Whether the process {@code pid} runs (a zombie, killed but not reaped yet, does not). */
  private static boolean isRunning(String pid) throws IOException {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static void enableControllers(Path cgroup) throws IOException {
    Path subtree = cgroup.resolve("cgroup.subtree_control");
    List<String> enabled = List.of(Files.readString(subtree).trim().split(" "));
    if (!enabled.containsAll(List.of("cpu", "memory"))) {
      CgroupFiles.write(subtree, "+cpu +memory");
    }
  }

  private static boolean isRoot() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Uid:")) {
        return line.substring("Uid:".length()).trim().split("\\s+")[1].equals("0"); // effective uid
      }
    }
    return false;
  }
}
