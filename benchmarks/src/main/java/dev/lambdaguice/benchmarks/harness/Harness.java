package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runtime benchmark: starts each runtime under test as a fresh child process against a {@link BenchServer} on
 * loopback and measures cold start, init, steady invocations per second, p50/p99 latency, peak RSS and CPU, plus
 * what a sandbox's cgroup recorded; prints the medians per runtime with the ratios of lambda-guice to the others.
 * Exits with status 1 if any invocation is missing, answered twice, wrong, or reported as an error, or if the OOM
 * killer struck. See {@code benchmarks/RESULTS.md} and {@link HarnessOptions}.
 *
 * <p>Every runtime gets the same JVM, common JVM flags, flag set, environment and empty working directory
 * ({@code LAMBDA_TASK_ROOT}). On the whole machine it is started through {@code taskset}: unpinned on every online
 * core, or pinned on one; pin the harness itself (the server) to another core, as {@code run-harness.sh} does. In a
 * Lambda-shaped sandbox ({@link Mode}) it starts inside a fresh cgroup ({@link CgroupHost}), not pinned.
 */
public final class Harness {

  private final HarnessOptions options;
  private final String taskset;
  private final String allCpus;
  private final Path taskRoot;
  private final Map<String, MeasuredRuntime> runtimes = new LinkedHashMap<>();
  private CgroupHost cgroups;
  private ImageRuntime image;

  private Harness(HarnessOptions options) throws IOException {
    this.options = options;
    this.taskset = onPath("taskset");
    this.allCpus = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
    this.taskRoot = Files.createTempDirectory("bench-task-root");
    taskRoot.toFile().deleteOnExit();
    Files.createDirectories(options.logs());
  }

  /** Runs the harness; see {@link HarnessOptions#USAGE}. */
  public static void main(String[] args) throws Exception {
    HarnessOptions options;
    try {
      options = HarnessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Harness harness = new Harness(options);
    try {
      harness.run();
    } catch (BenchmarkFailure e) {
      System.err.println("\nHARNESS FAILED: " + e.getMessage());
      harness.cleanUp();
      System.exit(1);
    } finally {
      harness.cleanUp();
    }
  }

  private void run() throws Exception {
    long start = System.nanoTime();
    String javaVersion = javaVersion();
    List<Mode> modes = options.modes().stream().map(name -> Mode.named(name, allCpus, options.pinnedCpu()))
        .toList();
    String sandbox = "none";
    if (options.sandboxed()) {
      try {
        cgroups = CgroupHost.open(options.cgroup());
      } catch (IOException e) {
        throw new BenchmarkFailure(e.getMessage());
      }
      sandbox = cgroups.describe();
    }
    for (String name : options.runtimes()) {
      runtimes.put(name, name.equals(ImageRuntime.NAME) ? image() : options.runtime(name));
    }
    System.out.println("JVM for every runtime: " + options.java() + "\n" + javaVersion.indent(2)
        + "common JVM flags: " + options.jvmFlags() + "; flag sets: " + options.flagSets() + "; per runtime: "
        + options.runtimeFlags() + "\nmodes: " + options.modes() + " (unpinned: taskset -c " + allCpus
        + "; pinned: taskset -c " + options.pinnedCpu() + "; sandboxes: " + sandbox + ")\nharness affinity: "
        + affinity() + "; logs: " + options.logs());
    for (Mode mode : modes) {
      if (mode.sandboxed()) {
        System.out.printf(Locale.ROOT, "%s: memory limit %d MiB, CPU quota %d of %d us (%.3f of a core)%n",
            mode.name(), mode.sandbox().memoryMb(), mode.sandbox().quotaMicros(), SandboxLimits.PERIOD_MICROS,
            mode.sandbox().cores());
      }
    }
    List<BenchEvent> events = options.events().stream().map(BenchEvent::named).toList();

    List<ServerCapacity.Capacity> capacity = new ArrayList<>();
    if (options.capacityInvocations() > 0) {
      System.out.println("\nserver capacity (bench server alone, driven by floor loops in this JVM):");
      for (BenchEvent event : events) {
        for (int clients : new int[] {1, 2}) {
          ServerCapacity.measure(event, clients, options.capacityInvocations()); // warm-up
          ServerCapacity.Capacity c =
              ServerCapacity.measure(event, clients, options.capacityInvocations());
          capacity.add(c);
          System.out.printf("  %s event, %d client loop(s): %.0f invocations/s (%d invocations); server CPU %.1f"
              + " us/invocation%n", c.event(), c.clients(), c.invocationsPerSecond(), c.invocations(),
              c.serverCpuMicros());
        }
      }
    }

    System.out.println();
    List<ProcessResult> results = new ArrayList<>();
    List<String> names = options.runtimes();
    for (BenchEvent event : events) {
      for (int run = 1; run <= options.runs(); run++) {
        for (Mode mode : modes) {
          for (String flagSet : options.flagSets()) {
            for (int k = 0; k < names.size(); k++) {
              MeasuredRuntime runtime = runtimes.get(names.get((k + run - 1) % names.size()));
              ProcessResult r = measure(runtime, event, mode, FlagSet.named(flagSet), run);
              results.add(r);
              System.out.println(r.summary());
            }
          }
        }
      }
    }

    Report report = new Report(results, names);
    System.out.print(report.table(options.events(), options.flagSets(), options.modes()));
    if (options.out() != null) {
      Files.writeString(options.out(), report.json(options, javaVersion, sandbox, capacity));
      System.out.println("\nsummary written to " + options.out());
    }
    System.out.printf("%nevery invocation answered exactly once, correctly%s; took %.0f s%n",
        options.sandboxed() ? ", no OOM kill" : "", (System.nanoTime() - start) / 1e9);
  }

  /** Runs one fresh process of {@code runtime} over the invocations and returns its figures. */
  private ProcessResult measure(MeasuredRuntime runtime, BenchEvent event, Mode mode, FlagSet flagSet, int run)
      throws Exception {
    int invocations = options.invocations(event, mode);
    int total = options.warmup() + invocations;
    String what = event.name() + " " + runtime.name() + " " + mode.name() + " " + flagSet.name() + " run " + run;
    Path log = options.logs().resolve(String.join("-", event.name(), runtime.name(), mode.name(), flagSet.name(),
        Integer.toString(run)) + ".log");
    List<String> jvmFlags = new ArrayList<>(options.jvmFlags());
    jvmFlags.addAll(flagSet.flags());
    List<String> command = runtime.command(options.java(), jvmFlags);
    Cgroup cgroup = mode.sandboxed() ? cgroups.create(mode.sandbox()) : null;
    BenchServer server = null;
    try {
      server = BenchServer.start(event, total);
      ProcessBuilder builder = new ProcessBuilder(cgroup != null ? cgroup.wrap(command) : withTaskset(mode, command))
          .directory(taskRoot.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().clear();
      String runtimeApi = server.runtimeApi();
      builder.environment().putAll(runtime.environment(LambdaEnvironment.of(runtimeApi, taskRoot, mode)));
      Diagnosis diagnosis = () -> cgroup == null ? "" : "; sandbox " + cgroup.stats();
      long spawn = System.nanoTime();
      Process process = builder.start();
      double peakRssMb;
      long cpuAtFirstAnswer;
      long cpuAtEnd;
      CgroupStats atFirstAnswer = CgroupStats.NONE;
      CgroupStats atEnd = CgroupStats.NONE;
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
        await(server::awaitFirstAnswer, deadline, server, process, what, log, diagnosis);
        JvmProcess jvm = JvmProcess.of(process);
        cpuAtFirstAnswer = jvm.cpuNanos();
        atFirstAnswer = cgroup != null ? cgroup.stats() : CgroupStats.NONE;
        await(server::awaitDone, deadline, server, process, what, log, diagnosis);
        cpuAtEnd = jvm.cpuNanos();
        peakRssMb = jvm.peakRssKb() / 1024.0;
        atEnd = cgroup != null ? cgroup.stats() : CgroupStats.NONE;
      } finally {
        stop(process);
        server.close();
      }
      BenchServer.Served served = server.served();
      if (served.failureCount() > 0 || served.answered() != total) {
        throw new BenchmarkFailure(what + ": " + served.answered() + " of " + total + " invocations answered"
            + " correctly, " + served.failureCount() + " failure(s): " + served.failures() + diagnosis.describe()
            + "; see " + log);
      }
      if (atEnd.oomKilled()) {
        throw new BenchmarkFailure(what + ": the OOM killer struck in the sandbox: " + atEnd + "; see " + log);
      }
      return result(runtime, event, mode, flagSet, run, invocations, total, spawn, served, peakRssMb,
          cpuAtFirstAnswer, cpuAtEnd, atFirstAnswer, atEnd);
    } finally {
      if (server != null) {
        server.close(); // again, harmless, if the process could not even start
      }
      if (cgroup != null) {
        cgroups.release(cgroup);
      }
    }
  }

  private ProcessResult result(MeasuredRuntime runtime, BenchEvent event, Mode mode, FlagSet flagSet, int run,
      int invocations, int total, long spawn, BenchServer.Served served, double peakRssMb, long cpuAtFirstAnswer,
      long cpuAtEnd, CgroupStats atFirstAnswer, CgroupStats atEnd) {
    long[] sent = served.sentNanos();
    long[] answered = served.answeredNanos();
    long[] latencies = new long[invocations];
    long lastAnswer = 0;
    for (int i = options.warmup(); i < total; i++) {
      latencies[i - options.warmup()] = answered[i] - sent[i];
      lastAnswer = Math.max(lastAnswer, answered[i]);
    }
    Arrays.sort(latencies);
    return new ProcessResult(runtime.name(), event.name(), mode.name(), flagSet.name(), run, invocations,
        (answered[0] - spawn) / 1e6,
        (served.firstNextNanos() - spawn) / 1e6,
        invocations * 1e9 / (lastAnswer - sent[options.warmup()]),
        percentile(latencies, 0.50) / 1e3,
        percentile(latencies, 0.99) / 1e3,
        peakRssMb,
        cpuAtFirstAnswer / 1e6,
        (cpuAtEnd - cpuAtFirstAnswer) / 1e3 / Math.max(1, total - 1),
        served.cpuNanos() / 1e3 / total,
        atFirstAnswer, atEnd);
  }

  private List<String> withTaskset(Mode mode, List<String> command) {
    List<String> full = new ArrayList<>(List.of(taskset, "-c", mode.cpus()));
    full.addAll(command);
    return full;
  }

  /** Something to wait for, such as {@link BenchServer#awaitDone}. */
  private interface Wait {
    boolean await(long timeout, TimeUnit unit) throws InterruptedException;
  }

  /** More to say when a process fails, such as what its sandbox recorded. */
  private interface Diagnosis {
    String describe() throws IOException;
  }

  /** Waits, failing if the process exits or the deadline passes. */
  private void await(Wait wait, long deadline, BenchServer server, Process process, String what, Path log,
      Diagnosis diagnosis) throws Exception {
    while (!wait.await(50, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive()) {
        throw new BenchmarkFailure(what + ": the process exited with status " + process.exitValue() + " after "
            + server.served().answered() + " answers" + diagnosis.describe() + "; its output:\n" + tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new BenchmarkFailure(what + ": not done after " + options.timeoutSeconds() + " s ("
            + server.served().answered() + " answers)" + diagnosis.describe() + "; see " + log);
      }
    }
  }

  /** Unpacks the {@code --image} tar, once per harness run. */
  private ImageRuntime image() throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IOException("the image runtime runs its Entrypoint in namespaces and a chroot, which needs root");
    }
    System.out.println("unpacking " + options.image());
    image = ImageRuntime.unpack(options.image(), options.imageKey(), options.flagsOf(ImageRuntime.NAME));
    return image;
  }

  /** Removes the sandboxes' cgroups and the unpacked image; idempotent. */
  private void cleanUp() {
    try {
      if (cgroups != null) {
        cgroups.close();
        cgroups = null;
      }
      if (image != null) {
        image.image().delete();
        image = null;
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("clean-up incomplete: " + e.getMessage());
    }
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static long percentile(long[] sorted, double fraction) {
    return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
  }

  private String javaVersion() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(options.java(), "-version").redirectErrorStream(true).start();
    String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    process.waitFor();
    return version;
  }

  private static String affinity() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Cpus_allowed_list:")) {
        return line.substring("Cpus_allowed_list:".length()).trim();
      }
    }
    return "?";
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static String onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path path = Path.of(dir, command);
      if (Files.isExecutable(path)) {
        return path.toString();
      }
    }
    throw new IllegalStateException(command + " is not on the PATH (util-linux)");
  }

  /** A run that must fail the benchmark: a missing, duplicate, wrong or failed invocation, or a dead process. */
  private static final class BenchmarkFailure extends Exception {
    BenchmarkFailure(String message) {
      super(message);
    }
  }
}
