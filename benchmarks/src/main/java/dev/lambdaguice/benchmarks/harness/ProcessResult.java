package dev.lambdaguice.benchmarks.harness;

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
}
