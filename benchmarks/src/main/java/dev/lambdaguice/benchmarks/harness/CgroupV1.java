package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sandbox on cgroup v1: one cgroup in the {@code cpu} hierarchy ({@code cpu.cfs_period_us},
 * {@code cpu.cfs_quota_us}) and one in the {@code memory} hierarchy ({@code memory.limit_in_bytes}, and
 * {@code memory.memsw.limit_in_bytes} at the same value when swap accounting exists, so it cannot swap).
 */
public final class CgroupV1 implements Cgroup {

  private final String name;
  private final Path cpu;
  private final Path memory;

  private CgroupV1(String name, Path cpu, Path memory) {
    this.name = name;
    this.cpu = cpu;
    this.memory = memory;
  }

  /** Creates {@code name} under the parents {@code cpuParent} and {@code memoryParent}, with {@code limits}. */
  static CgroupV1 create(Path cpuParent, Path memoryParent, String name, SandboxLimits limits) throws IOException {
    CgroupV1 cgroup = new CgroupV1(name, cpuParent.resolve(name), memoryParent.resolve(name));
    try {
      Files.createDirectory(cgroup.cpu);
      Files.createDirectory(cgroup.memory);
      CgroupFiles.write(cgroup.cpu.resolve("cpu.cfs_period_us"), Long.toString(SandboxLimits.PERIOD_MICROS));
      CgroupFiles.write(cgroup.cpu.resolve("cpu.cfs_quota_us"), Long.toString(limits.quotaMicros()));
      String bytes = Long.toString(limits.memoryBytes());
      CgroupFiles.write(cgroup.memory.resolve("memory.limit_in_bytes"), bytes);
      if (Files.exists(cgroup.memory.resolve("memory.memsw.limit_in_bytes"))) {
        CgroupFiles.write(cgroup.memory.resolve("memory.memsw.limit_in_bytes"), bytes);
      }
      if (Files.exists(cgroup.memory.resolve("memory.swappiness"))) {
        CgroupFiles.write(cgroup.memory.resolve("memory.swappiness"), "0");
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
    return List.of(cpu.resolve("cgroup.procs"), memory.resolve("cgroup.procs"));
  }

  @Override
  public CgroupStats stats() throws IOException {
    Map<String, Double> cpuStat = CgroupFiles.keyed(cpu.resolve("cpu.stat"));
    Map<String, Double> oom = CgroupFiles.keyed(memory.resolve("memory.oom_control"));
    return new CgroupStats(
        CgroupFiles.number(memory.resolve("memory.max_usage_in_bytes")) / (1024 * 1024),
        CgroupFiles.number(memory.resolve("memory.failcnt")),
        oom.getOrDefault("oom_kill", Double.NaN),
        cpuStat.getOrDefault("nr_periods", Double.NaN),
        cpuStat.getOrDefault("nr_throttled", Double.NaN),
        cpuStat.getOrDefault("throttled_time", Double.NaN) / 1e6);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    CgroupFiles.killAndRemove(cpu);
    CgroupFiles.killAndRemove(memory);
  }
}
