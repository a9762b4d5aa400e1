package dev.lambdaguice.benchmarks.harness;

/**
 * The figures of one fresh runtime process.
 *
 * @param runtime {@code guice}, {@code aws} or {@code floor}
 * @param event {@code small} or {@code large}
 * @param pinned whether the process ran pinned to one core
 * @param run the run number, from 1
 * @param invocations the measured invocations
 * @param coldStartMs process spawn to the first response received
 * @param initMs process spawn to the first {@code /next}
 * @param invocationsPerSecond measured invocations over first event sent to last response received
 * @param p50Micros median latency, event sent to its response received
 * @param p99Micros 99th percentile latency
 * @param peakRssMb VmHWM of the process after the last invocation, in MiB
 * @param coldStartCpuMs the process's CPU time (all threads, user and system) by its first response
 * @param cpuMicros the process's CPU time per invocation after its first response
 * @param serverCpuMicros the server's CPU time per invocation (all its connection threads)
 */
public record ProcessResult(String runtime, String event, boolean pinned, int run, int invocations,
    double coldStartMs,
    double initMs, double invocationsPerSecond, double p50Micros, double p99Micros, double peakRssMb,
    double coldStartCpuMs, double cpuMicros, double serverCpuMicros) {

  /** {@code pinned} or {@code unpinned}. */
  public String mode() {
    return pinned ? "pinned" : "unpinned";
  }
}
