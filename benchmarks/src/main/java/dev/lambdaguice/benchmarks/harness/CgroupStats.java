package dev.lambdaguice.benchmarks.harness;

/**
 * What a sandbox's cgroup recorded about its process; NaN where the cgroup has no such file (and for processes
 * that ran on the whole machine, {@link #NONE}).
 *
 * @param peakMemoryMb the cgroup's peak memory charge, in MiB (v1 {@code memory.max_usage_in_bytes}, v2
 *     {@code memory.peak}): resident memory plus the page cache the process caused (the jars it read)
 * @param memoryLimitHits how often the charge hit the limit and the kernel had to reclaim (v1
 *     {@code memory.failcnt}, v2 {@code memory.events} {@code max})
 * @param oomKills processes the OOM killer killed in the cgroup (v1 {@code memory.oom_control} {@code oom_kill},
 *     v2 {@code memory.events} {@code oom_kill})
 * @param periods CFS periods in which the cgroup ran ({@code cpu.stat} {@code nr_periods})
 * @param throttledPeriods periods in which it used up its quota and was stopped ({@code nr_throttled})
 * @param throttledMs the time its threads were stopped for, in ms ({@code throttled_time} or
 *     {@code throttled_usec})
 */
public record CgroupStats(double peakMemoryMb, double memoryLimitHits, double oomKills, double periods,
    double throttledPeriods, double throttledMs) {

  /** No cgroup. */
  public static final CgroupStats NONE = new CgroupStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN);

  /** Whether the OOM killer killed anything. */
  public boolean oomKilled() {
    return oomKills > 0;
  }
}
