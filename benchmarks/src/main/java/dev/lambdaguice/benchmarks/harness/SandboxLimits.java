package dev.lambdaguice.benchmarks.harness;

/**
 * The limits of a sandbox shaped like a Lambda function of {@code memoryMb} MB: that much memory (Lambda's "MB" are
 * MiB) and a CPU quota in Lambda's proportion, where 1,769 MB buys one vCPU. A 512 MB function gets
 * 512 / 1,769 = 0.29 of a core: 28,944 µs of CPU time per 100,000 µs period, over all its threads and cores.
 *
 * @param memoryMb the function's memory size in MB (MiB), as {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}
 */
public record SandboxLimits(int memoryMb) {

  /** The memory size that buys one vCPU on Lambda. */
  public static final int MB_PER_VCPU = 1_769;
  /** The CFS period of the quota, in µs (the kernel's default). */
  public static final long PERIOD_MICROS = 100_000;
  /** The smallest quota the kernel takes, in µs. */
  private static final long MIN_QUOTA_MICROS = 1_000;

  /** Lambda's range of memory sizes. */
  public SandboxLimits {
    if (memoryMb < 128 || memoryMb > 10_240) {
      throw new IllegalArgumentException("a Lambda function has 128 to 10,240 MB, not " + memoryMb);
    }
  }

  /** The memory limit, in bytes. */
  public long memoryBytes() {
    return memoryMb * 1024L * 1024L;
  }

  /** The CPU time the sandbox may use per {@link #PERIOD_MICROS}, in µs, rounded up. */
  public long quotaMicros() {
    return Math.max(MIN_QUOTA_MICROS, (PERIOD_MICROS * memoryMb + MB_PER_VCPU - 1) / MB_PER_VCPU);
  }

  /** The quota as a fraction of one core. */
  public double cores() {
    return (double) quotaMicros() / PERIOD_MICROS;
  }
}
