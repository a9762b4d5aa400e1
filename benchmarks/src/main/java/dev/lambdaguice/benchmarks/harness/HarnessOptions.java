package dev.lambdaguice.benchmarks.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's command line.
 *
 * @param runs fresh processes per runtime, event, mode and flag set
 * @param invocations measured invocations per process with the small event
 * @param largeInvocations measured invocations per process with the large event (fewer by default: each one
 *     moves 100 KiB each way)
 * @param sandboxInvocations per sandbox size in MB, the small and large invocations instead of the two above
 * @param warmup invocations served before the measured ones (counted in cold start, not in steady figures)
 * @param java the JVM that runs every runtime (but the image, which brings its own)
 * @param jvmFlags JVM flags for every runtime
 * @param flagSets the flag sets, by name ({@link FlagSet}), each run in turn
 * @param runtimeFlags JVM flags for one runtime only, by runtime name
 * @param runtimes the runtimes to measure, by name, in this order
 * @param extraRuntimes runtimes named with {@code --runtime-spec}
 * @param image the container image tar of the {@code image} runtime, or null
 * @param imageKey the handler key the image runs (its Cmd)
 * @param events the events, by name
 * @param classpath the class path of every runtime
 * @param guiceClasspath the class path of lambda-guice's runtime
 * @param guiceMain the main class of lambda-guice's runtime
 * @param pinnedCpu the core a pinned runtime runs on
 * @param modes {@code unpinned}, {@code pinned}, {@code lambda-<MB>} (see {@link Mode})
 * @param cgroup which cgroup version the sandboxes use: {@code auto}, {@code v1} or {@code v2}
 * @param capacityInvocations invocations per server capacity measurement (0: skip it)
 * @param timeoutSeconds the longest a process may take
 * @param out where to write the machine-readable summary (JSON), or null
 * @param logs the directory for each process's output
 */
public record HarnessOptions(int runs, int invocations, int largeInvocations,
    Map<Integer, List<Integer>> sandboxInvocations, int warmup, String java, List<String> jvmFlags,
    List<String> flagSets, Map<String, List<String>> runtimeFlags, List<String> runtimes,
    List<RuntimeSpec> extraRuntimes, Path image, String imageKey, List<String> events, String classpath,
    String guiceClasspath, String guiceMain, String pinnedCpu, List<String> modes, String cgroup,
    int capacityInvocations, int timeoutSeconds, Path out, Path logs) {

  /** The usage text. */
  public static final String USAGE = """
      Usage: Harness [options]
        --runs <n>                 fresh processes per runtime, event, mode and flag set (default 5)
        --invocations <n>          measured invocations per process, small event (default 20000)
        --large-invocations <n>    the same with the large event (default 1000)
        --invocations-at <MB>=<small>/<large>
                                   the same in the lambda-<MB> sandbox; repeatable (default: the two above)
        --warmup <n>               invocations before the measured ones (default 0)
        --java <path>              the JVM for every runtime (default: the one running the harness)
        --jvm-flag <flag>          a JVM flag for every runtime; repeatable (default none)
        --flag-sets <list>         default (no flags), aws (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC, AWS's managed
                                   Java runtime's), or both, interleaved (default: default)
        --aws-lambda-flags         the same as --flag-sets aws
        --guice-flag <flag>        a JVM flag for lambda-guice only; repeatable (also --aws-flag, --floor-flag)
        --runtime-flag <name>=<flag>
                                   a JVM flag for the runtime called <name> only; repeatable
        --runtime-spec name=<name>,classpath=<cp or @file>[,main=<class>][,handler=<h>][,java=<path>][,flag=<f>]...
                                   one more runtime, such as a baseline build of lambda-guice; main defaults to
                                   %s, handler to echo; repeatable; measured after the built-in ones
        --image <tar>              one more runtime, "image": this container image's own Entrypoint (docker-save
                                   tar, as jib:buildTar writes), in namespaces and a chroot; needs root
        --image-key <key>          the image's Cmd, the handler key (default echo)
        --runtimes <list>          which runtimes, in this order (default guice,aws,floor, then the extra ones)
        --events <list>            small,large (default both)
        --memory <list>            Lambda memory sizes in MB, e.g. 128,512,1769: one sandbox mode lambda-<MB> each
                                   (a cgroup with that memory limit and MB/1769 of a core; needs root); without
                                   --modes, only these modes are measured
        --modes <list>             unpinned, pinned (the whole machine, through taskset), lambda-<MB>
                                   (default unpinned,pinned)
        --cgroup <auto|v1|v2>      the sandboxes' cgroup version (default auto: v2 if usable, else v1)
        --classpath <cp>           class path of every runtime (default: the harness's own)
        --guice-classpath <cp>     class path of lambda-guice only
        --guice-main <class>       main class of lambda-guice (default %s)
        --pinned-cpu <cpu>         the core of pinned runtimes (default 1)
        --capacity-invocations <n> invocations per server capacity measurement (default 50000; 0 skips)
        --timeout <seconds>        the longest one process may take (default 300)
        --out <file>               write a JSON summary there
        --logs <dir>               each process's output (default target/harness-logs)
      """.formatted(RuntimeSpec.GUICE_MAIN, RuntimeSpec.GUICE_MAIN);

  /** Parses the command line. */
  public static HarnessOptions parse(String[] args) {
    int runs = 5;
    int invocations = 20_000;
    int largeInvocations = 1_000;
    Map<Integer, List<Integer>> sandboxInvocations = new HashMap<>();
    int warmup = 0;
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> jvmFlags = new ArrayList<>();
    List<String> flagSets = List.of(FlagSet.DEFAULT.name());
    Map<String, List<String>> runtimeFlags = new HashMap<>();
    List<String> runtimes = null;
    List<RuntimeSpec> extraRuntimes = new ArrayList<>();
    Path image = null;
    String imageKey = "echo";
    List<String> events = List.of("small", "large");
    List<String> modes = null;
    List<String> memoryModes = new ArrayList<>();
    String cgroup = "auto";
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
      if (option.equals("--aws-lambda-flags")) {
        flagSets = List.of(FlagSet.AWS.name());
        continue;
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException("missing value for " + option + "\n" + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--runs" -> runs = Integer.parseInt(value);
        case "--invocations" -> invocations = Integer.parseInt(value);
        case "--large-invocations" -> largeInvocations = Integer.parseInt(value);
        case "--invocations-at" -> {
          String[] sizeAndCounts = value.split("=");
          String[] counts = sizeAndCounts.length == 2 ? sizeAndCounts[1].split("/") : new String[0];
          if (counts.length != 2) {
            throw new IllegalArgumentException("--invocations-at <MB>=<small>/<large>, not " + value);
          }
          sandboxInvocations.put(new SandboxLimits(Integer.parseInt(sizeAndCounts[0])).memoryMb(),
              List.of(Integer.parseInt(counts[0]), Integer.parseInt(counts[1])));
        }
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--java" -> java = value;
        case "--jvm-flag" -> jvmFlags.add(value);
        case "--flag-sets" -> flagSets = names(value, FlagSet.NAMES);
        case "--guice-flag", "--aws-flag", "--floor-flag" ->
            runtimeFlags.computeIfAbsent(option.substring(2, option.indexOf("-flag")), name -> new ArrayList<>())
                .add(value);
        case "--runtime-flag" -> {
          int equals = value.indexOf('=');
          if (equals < 1) {
            throw new IllegalArgumentException("--runtime-flag <name>=<flag>, not " + value);
          }
          runtimeFlags.computeIfAbsent(value.substring(0, equals), name -> new ArrayList<>())
              .add(value.substring(equals + 1));
        }
        case "--runtime-spec" -> extraRuntimes.add(RuntimeSpec.parse(value));
        case "--image" -> image = Path.of(value).toAbsolutePath();
        case "--image-key" -> imageKey = value;
        case "--runtimes" -> runtimes = Arrays.stream(value.split(",")).map(String::trim)
            .filter(s -> !s.isEmpty()).toList();
        case "--events" -> events = names(value, List.of("small", "large"));
        case "--memory" -> {
          for (String size : value.split(",")) {
            memoryModes.add(Mode.lambda(Integer.parseInt(size.trim())).name());
          }
        }
        case "--modes" -> modes = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .toList();
        case "--cgroup" -> cgroup = names(value, List.of("auto", "v1", "v2")).get(0);
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
    List<String> known = new ArrayList<>(RuntimeSpec.NAMES);
    extraRuntimes.forEach(spec -> known.add(spec.name()));
    if (image != null) {
      known.add(ImageRuntime.NAME);
    }
    if (known.stream().distinct().count() != known.size()) {
      throw new IllegalArgumentException("two runtimes with the same name: " + known);
    }
    runtimes = runtimes == null ? List.copyOf(known) : names(String.join(",", runtimes), known);
    for (String name : runtimeFlags.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("flags for an unknown runtime '" + name + "'; runtimes are " + known);
      }
    }
    List<String> allModes = new ArrayList<>(modes == null && memoryModes.isEmpty()
        ? List.of("unpinned", "pinned") : modes == null ? List.of() : modes);
    memoryModes.stream().filter(mode -> !allModes.contains(mode)).forEach(allModes::add);
    for (String mode : allModes) {
      if (!Mode.isMode(mode)) {
        throw new IllegalArgumentException("unknown mode '" + mode + "' (unpinned, pinned, lambda-<MB>)");
      }
    }
    Map<String, List<String>> flagsByRuntime = new LinkedHashMap<>();
    runtimeFlags.forEach((name, flags) -> flagsByRuntime.put(name, List.copyOf(flags)));
    return new HarnessOptions(runs, invocations, largeInvocations, Map.copyOf(sandboxInvocations), warmup, java,
        List.copyOf(jvmFlags), flagSets, Map.copyOf(flagsByRuntime), runtimes, List.copyOf(extraRuntimes),
        image, imageKey, events, absolute(classpath),
        absolute(guiceClasspath == null ? classpath : guiceClasspath), guiceMain, pinnedCpu,
        List.copyOf(allModes), cgroup, capacityInvocations, timeoutSeconds, out, logs);
  }

  /** The measured invocations per process with {@code event} in {@code mode}. */
  public int invocations(BenchEvent event, Mode mode) {
    boolean large = event.name().equals("large");
    List<Integer> counts = mode.sandboxed() ? sandboxInvocations.get(mode.sandbox().memoryMb()) : null;
    if (counts != null) {
      return counts.get(large ? 1 : 0);
    }
    return large ? largeInvocations : invocations;
  }

  /** The flags of the runtime called {@code name} ({@code --guice-flag}, {@code --runtime-flag}...). */
  public List<String> flagsOf(String name) {
    return runtimeFlags.getOrDefault(name, List.of());
  }

  /** The runtime called {@code name}, but the image (see {@link ImageRuntime#unpack}). */
  public RuntimeSpec runtime(String name) {
    List<String> flags = flagsOf(name);
    return switch (name) {
      case "guice" -> new RuntimeSpec(name, guiceClasspath, guiceMain, "echo", flags, null);
      case "aws" -> new RuntimeSpec(name, classpath, RuntimeSpec.AWS_MAIN,
          "dev.lambdaguice.benchmarks.aws.AwsEchoHandler::handleRequest", flags, null);
      case "floor" -> new RuntimeSpec(name, classpath, RuntimeSpec.FLOOR_MAIN, "echo", flags, null);
      default -> extraRuntimes.stream().filter(spec -> spec.name().equals(name)).findFirst()
          .map(spec -> spec.withFlags(flags))
          .orElseThrow(() -> new IllegalArgumentException("no runtime " + name));
    };
  }

  /** Whether any mode runs in a sandbox. */
  public boolean sandboxed() {
    return modes.stream().anyMatch(mode -> mode.startsWith(Mode.LAMBDA_PREFIX));
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
