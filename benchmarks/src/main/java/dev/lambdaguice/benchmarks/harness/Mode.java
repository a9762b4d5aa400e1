package dev.lambdaguice.benchmarks.harness;

/**
 * Where a runtime process runs: on the whole machine through {@code taskset} ({@code unpinned} on every online core,
 * {@code pinned} on one), or in a Lambda-shaped sandbox ({@code lambda-<MB>}: a fresh cgroup with the function's
 * memory limit and CPU quota, see {@link SandboxLimits}; not pinned, the quota is the limit).
 *
 * @param name {@code unpinned}, {@code pinned} or {@code lambda-<MB>}
 * @param cpus the {@code taskset -c} list, or null in a sandbox
 * @param sandbox the sandbox's limits, or null on the whole machine
 */
public record Mode(String name, String cpus, SandboxLimits sandbox) {

  /** The prefix of a sandbox mode's name. */
  public static final String LAMBDA_PREFIX = "lambda-";

  /** The mode called {@code name}. */
  public static Mode named(String name, String allCpus, String pinnedCpu) {
    if (name.equals("unpinned")) {
      return new Mode(name, allCpus, null);
    }
    if (name.equals("pinned")) {
      return new Mode(name, pinnedCpu, null);
    }
    return lambda(memoryOf(name));
  }

  /** The sandbox of a {@code memoryMb} MB function. */
  public static Mode lambda(int memoryMb) {
    return new Mode(LAMBDA_PREFIX + memoryMb, null, new SandboxLimits(memoryMb));
  }

  /** Whether {@code name} is a mode: {@code unpinned}, {@code pinned} or {@code lambda-<MB>} with a valid size. */
  public static boolean isMode(String name) {
    if (name.equals("unpinned") || name.equals("pinned")) {
      return true;
    }
    try {
      memoryOf(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the process runs in a sandbox. */
  public boolean sandboxed() {
    return sandbox != null;
  }

  private static int memoryOf(String name) {
    if (!name.startsWith(LAMBDA_PREFIX)) {
      throw new IllegalArgumentException("unknown mode '" + name + "' (unpinned, pinned, lambda-<MB>)");
    }
    return new SandboxLimits(Integer.parseInt(name.substring(LAMBDA_PREFIX.length()))).memoryMb();
  }
}
