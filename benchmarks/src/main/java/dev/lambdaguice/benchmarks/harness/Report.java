package dev.lambdaguice.benchmarks.harness;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Medians of the processes' figures, as tables (one per event, flag set and mode; with the ratios of lambda-guice
 * to every other runtime) and as JSON.
 */
public final class Report {

  /** One figure of a process. */
  private record Figure(String label, String key, ToDoubleFunction<ProcessResult> value, String format) {}

  private static final List<Figure> FIGURES = List.of(
      new Figure("cold start, ms", "coldStartMs", ProcessResult::coldStartMs, "%.1f"),
      new Figure("init, ms", "initMs", ProcessResult::initMs, "%.1f"),
      new Figure("invocations/s", "invocationsPerSecond", ProcessResult::invocationsPerSecond, "%.0f"),
      new Figure("p50 latency, us", "p50Micros", ProcessResult::p50Micros, "%.1f"),
      new Figure("p99 latency, us", "p99Micros", ProcessResult::p99Micros, "%.1f"),
      new Figure("peak RSS, MiB", "peakRssMb", ProcessResult::peakRssMb, "%.1f"),
      new Figure("CPU to first answer, ms", "coldStartCpuMs", ProcessResult::coldStartCpuMs, "%.0f"),
      new Figure("CPU per invocation, us", "cpuMicros", ProcessResult::cpuMicros, "%.1f"),
      new Figure("cgroup peak memory, MiB", "cgroupPeakMemoryMb", r -> r.cgroup().peakMemoryMb(), "%.1f"),
      new Figure("memory limit hits", "memoryLimitHits", r -> r.cgroup().memoryLimitHits(), "%.0f"),
      new Figure("OOM kills", "oomKills", r -> r.cgroup().oomKills(), "%.0f"),
      new Figure("throttled to first answer, ms", "throttledMsToFirstAnswer",
          r -> r.cgroupAtFirstAnswer().throttledMs(), "%.0f"),
      new Figure("throttled after first answer, ms", "throttledMsAfterFirstAnswer",
          ProcessResult::throttledMsAfterFirstAnswer, "%.0f"),
      new Figure("throttled periods, %", "throttledPercent", ProcessResult::throttledPercent, "%.1f"));

  private final List<ProcessResult> results;
  private final List<String> runtimes;
  private final String subject;

  /**
   * A report of {@code results}, with columns for {@code runtimes} in this order, and ratios of {@code guice} (or
   * the first runtime, without it) to each of the others.
   */
  public Report(List<ProcessResult> results, List<String> runtimes) {
    this.results = results;
    this.runtimes = runtimes;
    this.subject = runtimes.contains("guice") ? "guice" : runtimes.get(0);
  }

  private List<String> others() {
    return runtimes.stream().filter(runtime -> !runtime.equals(subject)).toList();
  }

  /** The median of a figure over the processes of one runtime, event, flag set and mode, or NaN if none. */
  private double median(Figure figure, String runtime, String event, String flagSet, String mode) {
    double[] values = results.stream()
        .filter(r -> r.runtime().equals(runtime) && r.event().equals(event) && r.flagSet().equals(flagSet)
            && r.mode().equals(mode))
        .mapToDouble(figure.value()).filter(value -> !Double.isNaN(value)).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private double ratio(Figure figure, String event, String flagSet, String mode, String other) {
    return median(figure, subject, event, flagSet, mode) / median(figure, other, event, flagSet, mode);
  }

  /** A table per event, flag set and mode: medians by runtime, then the ratios. */
  public String table(List<String> events, List<String> flagSets, List<String> modes) {
    StringBuilder table = new StringBuilder();
    for (String event : events) {
      for (String flagSet : flagSets) {
        for (String mode : modes) {
          List<ProcessResult> group = results.stream().filter(r -> r.event().equals(event)
              && r.flagSet().equals(flagSet) && r.mode().equals(mode)).toList();
          if (group.isEmpty()) {
            continue;
          }
          table.append(String.format("%nevent %s, %s, flags %s %s: medians of %d fresh processes per runtime,"
                  + " %s invocations each%n", event, mode, flagSet, FlagSet.named(flagSet).flags(),
              group.stream().mapToInt(ProcessResult::run).distinct().count(),
              String.join(" or ", group.stream().map(r -> String.format(Locale.ROOT, "%,d", r.invocations()))
                  .distinct().toList())));
          appendTable(table, event, flagSet, mode);
        }
      }
    }
    return table.toString();
  }

  private void appendTable(StringBuilder table, String event, String flagSet, String mode) {
    int width = Math.max(9, runtimes.stream().mapToInt(String::length).max().orElse(9));
    table.append(String.format("| %-34s |", "figure"));
    runtimes.forEach(runtime -> table.append(String.format(" %" + width + "s |", runtime)));
    List<String> ratioNames = others().stream().map(other -> subject + "/" + other).toList();
    ratioNames.forEach(name -> table.append(String.format(" %" + Math.max(9, name.length()) + "s |", name)));
    table.append("\n|").append("-".repeat(36)).append('|');
    table.append(("-".repeat(width + 1) + ":|").repeat(runtimes.size()));
    ratioNames.forEach(name -> table.append("-".repeat(Math.max(9, name.length()) + 1)).append(":|"));
    table.append('\n');
    for (Figure figure : FIGURES) {
      if (runtimes.stream().allMatch(runtime -> Double.isNaN(median(figure, runtime, event, flagSet, mode)))) {
        continue;
      }
      table.append(String.format("| %-34s |", figure.label()));
      runtimes.forEach(runtime -> table.append(String.format(" %" + width + "s |",
          format(figure.format(), median(figure, runtime, event, flagSet, mode)))));
      for (int i = 0; i < others().size(); i++) {
        table.append(String.format(" %" + Math.max(9, ratioNames.get(i).length()) + "s |",
            format("%.2f", ratio(figure, event, flagSet, mode, others().get(i)))));
      }
      table.append('\n');
    }
  }

  /** Every process, the medians and the ratios as JSON, with the configuration and the server capacity. */
  public String json(HarnessOptions options, String javaVersion, String sandbox,
      List<ServerCapacity.Capacity> capacity) {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"java\": ").append(string(options.java())).append(",\n");
    json.append("  \"javaVersion\": ").append(string(javaVersion)).append(",\n");
    json.append("  \"sandbox\": ").append(string(sandbox)).append(",\n");
    json.append("  \"runs\": ").append(options.runs()).append(",\n");
    json.append("  \"invocations\": ").append(options.invocations()).append(",\n");
    json.append("  \"largeInvocations\": ").append(options.largeInvocations()).append(",\n");
    json.append("  \"invocationsInSandbox\": {").append(String.join(", ", options.sandboxInvocations().entrySet()
        .stream().sorted(java.util.Map.Entry.comparingByKey())
        .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).toList())).append("},\n");
    json.append("  \"warmup\": ").append(options.warmup()).append(",\n");
    json.append("  \"jvmFlags\": ").append(strings(options.jvmFlags())).append(",\n");
    json.append("  \"flagSets\": {").append(String.join(", ", options.flagSets().stream()
        .map(name -> string(name) + ": " + strings(FlagSet.named(name).flags())).toList())).append("},\n");
    json.append("  \"runtimeFlags\": {").append(String.join(", ", runtimes.stream()
        .map(name -> string(name) + ": " + strings(options.flagsOf(name))).toList())).append("},\n");
    json.append("  \"guiceMain\": ").append(string(options.guiceMain())).append(",\n");
    json.append("  \"extraRuntimes\": [").append(String.join(", ", options.extraRuntimes().stream()
        .map(spec -> "{\"name\": " + string(spec.name()) + ", \"main\": " + string(spec.mainClass())
            + ", \"classpath\": " + string(spec.classpath()) + "}").toList())).append("],\n");
    json.append("  \"image\": ").append(options.image() == null ? "null" : string(options.image().toString()))
        .append(",\n");
    json.append("  \"serverCapacity\": [\n");
    json.append(String.join(",\n", capacity.stream().map(c -> String.format(Locale.ROOT,
        "    {\"event\": \"%s\", \"clients\": %d, \"invocations\": %d, \"invocationsPerSecond\": %.0f,"
            + " \"serverCpuMicrosPerInvocation\": %.2f}",
        c.event(), c.clients(), c.invocations(), c.invocationsPerSecond(), c.serverCpuMicros())).toList()));
    json.append("\n  ],\n  \"processes\": [\n");
    json.append(String.join(",\n", results.stream().map(r -> {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
          "    {\"runtime\": \"%s\", \"event\": \"%s\", \"mode\": \"%s\", \"flagSet\": \"%s\", \"run\": %d,"
              + " \"invocations\": %d, \"serverCpuMicrosPerInvocation\": %s",
          r.runtime(), r.event(), r.mode(), r.flagSet(), r.run(), r.invocations(), number(r.serverCpuMicros())));
      FIGURES.forEach(figure -> row.append(", \"").append(figure.key()).append("\": ")
          .append(number(figure.value().applyAsDouble(r))));
      return row.append('}').toString();
    }).toList()));
    json.append("\n  ],\n  \"medians\": [\n");
    List<String> medians = new ArrayList<>();
    for (String event : options.events()) {
      for (String flagSet : options.flagSets()) {
        for (String mode : options.modes()) {
          for (Figure figure : FIGURES) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                "    {\"event\": \"%s\", \"mode\": \"%s\", \"flagSet\": \"%s\", \"figure\": \"%s\"", event, mode,
                flagSet, figure.key()));
            for (String runtime : runtimes) {
              row.append(", \"").append(runtime).append("\": ")
                  .append(number(median(figure, runtime, event, flagSet, mode)));
            }
            row.append(", \"ratios\": {").append(String.join(", ", others().stream()
                .map(other -> string(subject + "/" + other) + ": "
                    + number(ratio(figure, event, flagSet, mode, other))).toList())).append("}}");
            medians.add(row.toString());
          }
        }
      }
    }
    json.append(String.join(",\n", medians)).append("\n  ]\n}\n");
    return json.toString();
  }

  private static String format(String format, double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, format, value);
  }

  private static String number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "null"
        : new BigDecimal(value).round(new MathContext(5)).stripTrailingZeros().toPlainString();
  }

  private static String strings(List<String> values) {
    return Arrays.toString(values.stream().map(Report::string).toArray());
  }

  private static String string(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
