package dev.lambdaguice.benchmarks.harness;

import java.util.Locale;

/**
 * The figures of one fresh runtime process.
 *
 * @param runtime the runtime's name
 * @param event {@code small} or {@code large}
 * @param mode where it ran: {@code unpinned}, {@code pinned} or {@code lambda-<MB>} (see {@link Mode})
 * @param flagSet the run's JVM flag set: {@code default} or {@code aws} (see {@link FlagSet})
 * @param run the run number, from 1
 * @param invocations the measured invocations
 * @param coldStartMs process spawn to the first response received
 * @param initMs process spawn to the first {@code /next}
 * @param invocationsPerSecond measured invocations over first event sent to last response received
 * @param p50Micros median latency, event sent to its response received
 * @param p99Micros 99th percentile latency
 * @param peakRssMb VmHWM of the JVM after the last invocation, in MiB
 * @param coldStartCpuMs the JVM's CPU time (all threads, user and system) by its first response
 * @param cpuMicros the JVM's CPU time per invocation after its first response
 * @param serverCpuMicros the server's CPU time per invocation (all its connection threads)
 * @param cgroupAtFirstAnswer what the sandbox's cgroup recorded by the first response ({@link CgroupStats#NONE}
 *     on the whole machine)
 * @param cgroup what the sandbox's cgroup recorded by the last response
 */
public record ProcessResult(String runtime, String event, String mode, String flagSet, int run, int invocations,
    double coldStartMs, double initMs, double invocationsPerSecond, double p50Micros, double p99Micros,
    double peakRssMb, double coldStartCpuMs, double cpuMicros, double serverCpuMicros,
    CgroupStats cgroupAtFirstAnswer, CgroupStats cgroup) {

  /** The share of the CFS periods in which the sandbox was throttled, in percent (NaN on the whole machine). */
  public double throttledPercent() {
    return 100 * cgroup.throttledPeriods() / cgroup.periods();
  }

  /** The time the sandbox was throttled after the first response, in ms (NaN on the whole machine). */
  public double throttledMsAfterFirstAnswer() {
    return cgroup.throttledMs() - cgroupAtFirstAnswer.throttledMs();
  }

  /** One line with the figures, as the harness prints it after each process. */
  public String summary() {
    String line = String.format(Locale.ROOT, "%s %-5s %-11s %-7s run %d: cold start %6.0f ms, init %6.0f ms,"
            + " %6.0f inv/s, p50 %6.1f us, p99 %7.1f us, peak RSS %5.1f MiB, CPU %5.0f ms + %5.1f us/inv,"
            + " server CPU %5.1f us/inv", event, runtime, mode, flagSet, run, coldStartMs, initMs,
        invocationsPerSecond, p50Micros, p99Micros, peakRssMb, coldStartCpuMs, cpuMicros, serverCpuMicros);
    if (Double.isNaN(cgroup.periods())) {
      return line;
    }
    return line + String.format(Locale.ROOT, "; cgroup peak %.1f MiB, limit hits %.0f, OOM kills %.0f, throttled"
            + " %.0f ms to first answer + %.0f ms (%.1f %% of periods)", cgroup.peakMemoryMb(),
        cgroup.memoryLimitHits(), cgroup.oomKills(), cgroupAtFirstAnswer.throttledMs(),
        throttledMsAfterFirstAnswer(), throttledPercent());
  }
}
