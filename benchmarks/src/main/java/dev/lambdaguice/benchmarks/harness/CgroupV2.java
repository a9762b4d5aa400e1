package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sandbox on cgroup v2: one cgroup with {@code cpu.max} ({@code "<quota> <period>"}), {@code memory.max} and
 * {@code memory.swap.max} 0 (when swap accounting exists). The {@code cpu} and {@code memory} controllers must be
 * enabled in its parent's {@code cgroup.subtree_control}; {@link CgroupHost} does that.
 */
public final class CgroupV2 implements Cgroup {

  private final String name;
  private final Path directory;

  private CgroupV2(String name, Path directory) {
    this.name = name;
    this.directory = directory;
  }

  /** Creates {@code name} under {@code parent} (whose subtree has the controllers) with {@code limits}. */
  static CgroupV2 create(Path parent, String name, SandboxLimits limits) throws IOException {
    CgroupV2 cgroup = new CgroupV2(name, parent.resolve(name));
    try {
      Files.createDirectory(cgroup.directory);
      CgroupFiles.write(cgroup.directory.resolve("cpu.max"),
          limits.quotaMicros() + " " + SandboxLimits.PERIOD_MICROS);
      CgroupFiles.write(cgroup.directory.resolve("memory.max"), Long.toString(limits.memoryBytes()));
      if (Files.exists(cgroup.directory.resolve("memory.swap.max"))) {
        CgroupFiles.write(cgroup.directory.resolve("memory.swap.max"), "0");
      }
    } catch (IOException | RuntimeException e) {
      try {
        cgroup.close();
      } catch (IOException | InterruptedException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return cgroup;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Path> procsFiles() {
    return List.of(directory.resolve("cgroup.procs"));
  }

  @Override
  public CgroupStats stats() throws IOException {
    Map<String, Double> cpuStat = CgroupFiles.keyed(directory.resolve("cpu.stat"));
    Map<String, Double> events = CgroupFiles.keyed(directory.resolve("memory.events"));
    return new CgroupStats(
        CgroupFiles.number(directory.resolve("memory.peak")) / (1024 * 1024),
        events.getOrDefault("max", Double.NaN),
        events.getOrDefault("oom_kill", Double.NaN),
        cpuStat.getOrDefault("nr_periods", Double.NaN),
        cpuStat.getOrDefault("nr_throttled", Double.NaN),
        cpuStat.getOrDefault("throttled_usec", Double.NaN) / 1e3);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Path kill = directory.resolve("cgroup.kill");
    if (Files.exists(kill) && !CgroupFiles.pids(directory.resolve("cgroup.procs")).isEmpty()) {
      CgroupFiles.write(kill, "1");
    }
    CgroupFiles.killAndRemove(directory);
  }
}
