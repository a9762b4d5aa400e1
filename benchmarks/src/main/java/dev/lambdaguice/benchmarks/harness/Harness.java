package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runtime benchmark: starts each runtime under test as a fresh child process against a {@link BenchServer} on
 * loopback and measures cold start, init, steady invocations per second, p50/p99 latency and peak RSS; prints the
 * medians per runtime with the ratios guice/aws and guice/floor. Exits with status 1 if any invocation is missing,
 * answered twice, wrong, or reported as an error. See {@code benchmarks/RESULTS.md} and {@link HarnessOptions}.
 *
 * <p>Every runtime gets the same JVM, common JVM flags, environment and empty working directory
 * ({@code LAMBDA_TASK_ROOT}), and is started through {@code taskset}: unpinned on every online core, or pinned on
 * one. Pin the harness itself (the server) to another core, as {@code run-harness.sh} does.
 */
public final class Harness {

  private static final String MODULES = "dev.lambdaguice.handlers.echo.EchoHandlerModule";
  /** USER_HZ, the unit of {@code /proc/<pid>/stat} times: 100 on Linux. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final HarnessOptions options;
  private final String taskset;
  private final String allCpus;
  private final Path taskRoot;

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
    try {
      new Harness(options).run();
    } catch (BenchmarkFailure e) {
      System.err.println("\nHARNESS FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run() throws Exception {
    long start = System.nanoTime();
    String javaVersion = javaVersion();
    System.out.println("JVM for every runtime: " + options.java() + "\n" + javaVersion.indent(2)
        + "common JVM flags: " + options.jvmFlags() + "; per runtime: " + options.runtimeFlags()
        + "\nunpinned: taskset -c " + allCpus + "; pinned: taskset -c " + options.pinnedCpu()
        + "; harness affinity: " + affinity() + "; logs: " + options.logs());
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
    List<String> runtimes = options.runtimes();
    for (BenchEvent event : events) {
      for (int run = 1; run <= options.runs(); run++) {
        for (int k = 0; k < runtimes.size(); k++) {
          RuntimeSpec runtime = options.runtime(runtimes.get((k + run - 1) % runtimes.size()));
          for (String mode : options.modes()) {
            ProcessResult result = measure(runtime, event, mode.equals("pinned"), run);
            results.add(result);
            System.out.printf("%s %-5s %-8s run %d: cold start %6.0f ms, init %6.0f ms, %6.0f inv/s, p50 %6.1f us,"
                    + " p99 %7.1f us, peak RSS %5.1f MiB, CPU %5.0f ms + %5.1f us/inv, server CPU %5.1f us/inv%n",
                event.name(), runtime.name(), result.mode(), run, result.coldStartMs(), result.initMs(),
                result.invocationsPerSecond(), result.p50Micros(), result.p99Micros(), result.peakRssMb(),
                result.coldStartCpuMs(), result.cpuMicros(), result.serverCpuMicros());
          }
        }
      }
    }

    Report report = new Report(results, runtimes);
    System.out.print(report.table(options.events()));
    if (options.out() != null) {
      Files.writeString(options.out(), report.json(options, javaVersion, capacity, options.events()));
      System.out.println("\nsummary written to " + options.out());
    }
    System.out.printf("%nevery invocation answered exactly once, correctly; took %.0f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  /** Runs one fresh process of {@code runtime} over the invocations and returns its figures. */
  private ProcessResult measure(RuntimeSpec runtime, BenchEvent event, boolean pinned, int run) throws Exception {
    int invocations = options.invocations(event);
    int total = options.warmup() + invocations;
    String mode = pinned ? "pinned" : "unpinned";
    Path log = options.logs().resolve(event.name() + "-" + runtime.name() + "-" + mode + "-" + run + ".log");
    BenchServer server = BenchServer.start(event, total);
    ProcessBuilder builder = new ProcessBuilder(runtime.command(taskset, pinned ? options.pinnedCpu() : allCpus,
        options.java(), options.jvmFlags()))
        .directory(taskRoot.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment(server.runtimeApi(), runtime.handler()));
    String what = event.name() + " " + runtime.name() + " " + mode + " run " + run;
    double peakRssMb;
    long cpuAtFirstAnswer;
    long cpuAtEnd;
    long spawn = System.nanoTime();
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
      await(server::awaitFirstAnswer, deadline, server, process, what, log);
      cpuAtFirstAnswer = cpuNanos(process);
      await(server::awaitDone, deadline, server, process, what, log);
      cpuAtEnd = cpuNanos(process);
      peakRssMb = peakRssKb(process) / 1024.0;
    } finally {
      stop(process);
      server.close();
    }
    BenchServer.Served served = server.served();
    if (served.failureCount() > 0 || served.answered() != total) {
      throw new BenchmarkFailure(what + ": " + served.answered() + " of " + total + " invocations answered"
          + " correctly, " + served.failureCount() + " failure(s): " + served.failures() + "; see " + log);
    }
    long[] sent = served.sentNanos();
    long[] answered = served.answeredNanos();
    long[] latencies = new long[invocations];
    long lastAnswer = 0;
    for (int i = options.warmup(); i < total; i++) {
      latencies[i - options.warmup()] = answered[i] - sent[i];
      lastAnswer = Math.max(lastAnswer, answered[i]);
    }
    Arrays.sort(latencies);
    return new ProcessResult(runtime.name(), event.name(), pinned, run, invocations,
        (answered[0] - spawn) / 1e6,
        (served.firstNextNanos() - spawn) / 1e6,
        invocations * 1e9 / (lastAnswer - sent[options.warmup()]),
        percentile(latencies, 0.50) / 1e3,
        percentile(latencies, 0.99) / 1e3,
        peakRssMb,
        cpuAtFirstAnswer / 1e6,
        (cpuAtEnd - cpuAtFirstAnswer) / 1e3 / (total - 1),
        served.cpuNanos() / 1e3 / total);
  }

  /** Something to wait for, such as {@link BenchServer#awaitDone}. */
  private interface Wait {
    boolean await(long timeout, TimeUnit unit) throws InterruptedException;
  }

  /** Waits, failing if the process exits or the deadline passes. */
  private void await(Wait wait, long deadline, BenchServer server, Process process, String what, Path log)
      throws Exception {
    while (!wait.await(50, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive()) {
        throw new BenchmarkFailure(what + ": the process exited with status " + process.exitValue() + " after "
            + server.served().answered() + " answers; its output:\n" + tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new BenchmarkFailure(what + ": not done after " + options.timeoutSeconds() + " s ("
            + server.served().answered() + " answers); see " + log);
      }
    }
  }

  /** The environment of every runtime: Lambda's variables, lambda-guice's modules, the handler. */
  private Map<String, String> environment(String runtimeApi, String handler) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("LANG", "C.UTF-8");
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", handler);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_GUICE_MODULES", MODULES);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]bench");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    return env;
  }

  /** The CPU time (user and system, all threads) of a live process, from {@code /proc/<pid>/stat}. */
  private static long cpuNanos(Process process) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    return ticks * TimeUnit.SECONDS.toNanos(1) / CLOCK_TICKS_PER_SECOND;
  }

  /** VmHWM of a live JVM, in KiB ({@code --java} may be a script, but one that execs the JVM). */
  private static long peakRssKb(Process process) throws IOException {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    String command = process.info().command().orElse("?");
    if (!Path.of(command).getFileName().toString().equals("java")) {
      throw new IOException("the runtime process is " + command + ", not a JVM: a --java script must exec java");
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
      }
    }
    throw new IOException("no VmHWM in " + status);
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
