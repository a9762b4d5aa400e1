package dev.lambdaguice.benchmarks.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's command line.
 *
 * @param runs fresh processes per runtime, event and mode
 * @param invocations measured invocations per process with the small event
 * @param largeInvocations measured invocations per process with the large event (fewer by default: each one
 *     moves 100 KiB each way)
 * @param warmup invocations served before the measured ones (counted in cold start, not in steady figures)
 * @param java the JVM that runs every runtime
 * @param jvmFlags JVM flags for every runtime
 * @param runtimeFlags JVM flags for one runtime only, by runtime name
 * @param runtimes the runtimes to measure, by name
 * @param events the events, by name
 * @param classpath the class path of every runtime
 * @param guiceClasspath the class path of lambda-guice's runtime
 * @param guiceMain the main class of lambda-guice's runtime
 * @param pinnedCpu the core a pinned runtime runs on
 * @param modes {@code unpinned}, {@code pinned} or both
 * @param capacityInvocations invocations per server capacity measurement (0: skip it)
 * @param timeoutSeconds the longest a process may take
 * @param out where to write the machine-readable summary (JSON), or null
 * @param logs the directory for each process's output
 */
public record HarnessOptions(int runs, int invocations, int largeInvocations, int warmup, String java, List<String> jvmFlags,
    Map<String, List<String>> runtimeFlags, List<String> runtimes, List<String> events, String classpath,
    String guiceClasspath, String guiceMain, String pinnedCpu, List<String> modes, int capacityInvocations,
    int timeoutSeconds, Path out, Path logs) {

  /** The usage text. */
  public static final String USAGE = """
      Usage: Harness [options]
        --runs <n>                 fresh processes per runtime, event and mode (default 5)
        --invocations <n>          measured invocations per process, small event (default 20000)
        --large-invocations <n>    the same with the large event (default 1000)
        --warmup <n>               invocations before the measured ones (default 0)
        --java <path>              the JVM for every runtime (default: the one running the harness)
        --jvm-flag <flag>          a JVM flag for every runtime; repeatable (default none)
        --guice-flag <flag>        a JVM flag for lambda-guice only; repeatable (also --aws-flag, --floor-flag)
        --runtimes <list>          guice,aws,floor (default all three)
        --events <list>            small,large (default both)
        --modes <list>             unpinned,pinned (default both)
        --classpath <cp>           class path of every runtime (default: the harness's own)
        --guice-classpath <cp>     class path of lambda-guice only
        --guice-main <class>       main class of lambda-guice (default %s)
        --pinned-cpu <cpu>         the core of pinned runtimes (default 1)
        --capacity-invocations <n> invocations per server capacity measurement (default 50000; 0 skips)
        --timeout <seconds>        the longest one process may take (default 300)
        --out <file>               write a JSON summary there
        --logs <dir>               each process's output (default target/harness-logs)
      """.formatted(RuntimeSpec.GUICE_MAIN);

  /** Parses the command line. */
  public static HarnessOptions parse(String[] args) {
    int runs = 5;
    int invocations = 20_000;
    int largeInvocations = 1_000;
    int warmup = 0;
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> jvmFlags = new ArrayList<>();
    Map<String, List<String>> runtimeFlags = new HashMap<>();
    RuntimeSpec.NAMES.forEach(name -> runtimeFlags.put(name, new ArrayList<>()));
    List<String> runtimes = RuntimeSpec.NAMES;
    List<String> events = List.of("small", "large");
    List<String> modes = List.of("unpinned", "pinned");
    String classpath = System.getProperty("java.class.path");
    String guiceClasspath = null;
    String guiceMain = RuntimeSpec.GUICE_MAIN;
    String pinnedCpu = "1";
    int capacityInvocations = 50_000;
    int timeoutSeconds = 300;
    Path out = null;
    Path logs = Path.of("target", "harness-logs");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        System.out.print(USAGE);
        System.exit(0);
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException("missing value for " + option + "\n" + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--runs" -> runs = Integer.parseInt(value);
        case "--invocations" -> invocations = Integer.parseInt(value);
        case "--large-invocations" -> largeInvocations = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--java" -> java = value;
        case "--jvm-flag" -> jvmFlags.add(value);
        case "--guice-flag" -> runtimeFlags.get("guice").add(value);
        case "--aws-flag" -> runtimeFlags.get("aws").add(value);
        case "--floor-flag" -> runtimeFlags.get("floor").add(value);
        case "--runtimes" -> runtimes = names(value, RuntimeSpec.NAMES);
        case "--events" -> events = names(value, List.of("small", "large"));
        case "--modes" -> modes = names(value, List.of("unpinned", "pinned"));
        case "--classpath" -> classpath = value;
        case "--guice-classpath" -> guiceClasspath = value;
        case "--guice-main" -> guiceMain = value;
        case "--pinned-cpu" -> pinnedCpu = value;
        case "--capacity-invocations" -> capacityInvocations = Integer.parseInt(value);
        case "--timeout" -> timeoutSeconds = Integer.parseInt(value);
        case "--out" -> out = Path.of(value);
        case "--logs" -> logs = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    if (runs < 1 || invocations < 1 || largeInvocations < 1 || warmup < 0) {
      throw new IllegalArgumentException("--runs and --invocations must be positive, --warmup not negative");
    }
    return new HarnessOptions(runs, invocations, largeInvocations, warmup, java, List.copyOf(jvmFlags), Map.copyOf(runtimeFlags),
        runtimes, events, absolute(classpath), absolute(guiceClasspath == null ? classpath : guiceClasspath),
        guiceMain, pinnedCpu,
        modes, capacityInvocations, timeoutSeconds, out, logs);
  }

  /** The measured invocations per process with {@code event}. */
  public int invocations(BenchEvent event) {
    return event.name().equals("large") ? largeInvocations : invocations;
  }

  /** The runtime called {@code name}. */
  public RuntimeSpec runtime(String name) {
    List<String> flags = runtimeFlags.get(name);
    return switch (name) {
      case "guice" -> new RuntimeSpec(name, guiceClasspath, guiceMain, "echo", flags);
      case "aws" -> new RuntimeSpec(name, classpath, RuntimeSpec.AWS_MAIN,
          "dev.lambdaguice.benchmarks.aws.AwsEchoHandler::handleRequest", flags);
      case "floor" -> new RuntimeSpec(name, classpath, RuntimeSpec.FLOOR_MAIN, "echo", flags);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The class path with absolute entries: the runtimes run in another working directory. */
  private static String absolute(String classpath) {
    return String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty()).map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
  }

  private static List<String> names(String value, List<String> allowed) {
    List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String name : names) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown name '" + name + "'; one of " + allowed);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("empty list; names are " + allowed);
    }
    return names;
  }
}
