package dev.lambdaguice.benchmarks.harness;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Medians of the processes' figures, as a table (with ratios guice/aws and guice/floor) and as JSON. */
public final class Report {

  /** One figure of a process, in one mode. */
  private record Figure(String label, String key, boolean pinned, ToDoubleFunction<ProcessResult> value,
      String format) {}

  private static final List<Figure> FIGURES = figures();

  private final List<ProcessResult> results;
  private final List<String> runtimes;

  /** A report of {@code results}, with columns for {@code runtimes} in this order. */
  public Report(List<ProcessResult> results, List<String> runtimes) {
    this.results = results;
    this.runtimes = runtimes;
  }

  private static List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    for (boolean pinned : new boolean[] {false, true}) {
      String mode = pinned ? " (pinned)" : " (unpinned)";
      figures.add(new Figure("cold start, ms" + mode, "coldStartMs", pinned, ProcessResult::coldStartMs, "%.1f"));
      figures.add(new Figure("init, ms" + mode, "initMs", pinned, ProcessResult::initMs, "%.1f"));
      figures.add(new Figure("invocations/s" + mode, "invocationsPerSecond", pinned,
          ProcessResult::invocationsPerSecond, "%.0f"));
      figures.add(new Figure("p50 latency, us" + mode, "p50Micros", pinned, ProcessResult::p50Micros, "%.1f"));
      figures.add(new Figure("p99 latency, us" + mode, "p99Micros", pinned, ProcessResult::p99Micros, "%.1f"));
      figures.add(new Figure("peak RSS, MiB" + mode, "peakRssMb", pinned, ProcessResult::peakRssMb, "%.1f"));
      figures.add(new Figure("CPU to first answer, ms" + mode, "coldStartCpuMs", pinned,
          ProcessResult::coldStartCpuMs, "%.0f"));
      figures.add(new Figure("CPU per invocation, us" + mode, "cpuMicros", pinned, ProcessResult::cpuMicros,
          "%.1f"));
    }
    return figures;
  }

  /** The median of a figure over the processes of one runtime and event, or NaN if there are none. */
  private double median(Figure figure, String runtime, String event) {
    double[] values = results.stream()
        .filter(r -> r.runtime().equals(runtime) && r.event().equals(event) && r.pinned() == figure.pinned())
        .mapToDouble(figure.value()).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private double ratio(Figure figure, String event, String other) {
    return median(figure, "guice", event) / median(figure, other, event);
  }

  /** A table per event: medians by runtime, then guice/aws and guice/floor. */
  public String table(List<String> events) {
    StringBuilder table = new StringBuilder();
    for (String event : events) {
      List<ProcessResult> ofEvent = results.stream().filter(r -> r.event().equals(event)).toList();
      table.append(String.format("%nevent %s: medians of %d fresh processes per runtime and mode, %s invocations"
              + " each%n", event, ofEvent.stream().mapToInt(ProcessResult::run).distinct().count(),
          String.join(" or ", ofEvent.stream().map(r -> String.format(Locale.ROOT, "%,d", r.invocations()))
              .distinct().toList())));
      table.append(String.format("| %-36s |", "figure"));
      runtimes.forEach(runtime -> table.append(String.format(" %9s |", runtime)));
      table.append(" guice/aws | guice/floor |\n|").append("-".repeat(38)).append('|');
      table.append("----------:|".repeat(runtimes.size())).append("----------:|------------:|\n");
      for (Figure figure : FIGURES) {
        if (runtimes.stream().allMatch(runtime -> Double.isNaN(median(figure, runtime, event)))) {
          continue;
        }
        table.append(String.format("| %-36s |", figure.label()));
        runtimes.forEach(runtime -> table.append(
            String.format(" %9s |", format(figure.format(), median(figure, runtime, event)))));
        table.append(String.format(" %9s | %11s |%n", format("%.2f", ratio(figure, event, "aws")),
            format("%.2f", ratio(figure, event, "floor"))));
      }
    }
    return table.toString();
  }

  /** Every process, the medians and the ratios as JSON, with the configuration and the server capacity. */
  public String json(HarnessOptions options, String javaVersion, List<ServerCapacity.Capacity> capacity,
      List<String> events) {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"java\": ").append(string(options.java())).append(",\n");
    json.append("  \"javaVersion\": ").append(string(javaVersion)).append(",\n");
    json.append("  \"runs\": ").append(options.runs()).append(",\n");
    json.append("  \"invocations\": ").append(options.invocations()).append(",\n");
    json.append("  \"largeInvocations\": ").append(options.largeInvocations()).append(",\n");
    json.append("  \"warmup\": ").append(options.warmup()).append(",\n");
    json.append("  \"jvmFlags\": ").append(strings(options.jvmFlags())).append(",\n");
    json.append("  \"runtimeFlags\": {");
    json.append(String.join(", ", RuntimeSpec.NAMES.stream()
        .map(name -> string(name) + ": " + strings(options.runtimeFlags().get(name))).toList()));
    json.append("},\n  \"guiceMain\": ").append(string(options.guiceMain())).append(",\n");
    json.append("  \"serverCapacity\": [\n");
    json.append(String.join(",\n", capacity.stream().map(c -> String.format(Locale.ROOT,
        "    {\"event\": \"%s\", \"clients\": %d, \"invocations\": %d, \"invocationsPerSecond\": %.0f,"
            + " \"serverCpuMicrosPerInvocation\": %.2f}",
        c.event(), c.clients(), c.invocations(), c.invocationsPerSecond(), c.serverCpuMicros())).toList()));
    json.append("\n  ],\n  \"processes\": [\n");
    json.append(String.join(",\n", results.stream().map(r -> String.format(Locale.ROOT,
        "    {\"runtime\": \"%s\", \"event\": \"%s\", \"mode\": \"%s\", \"run\": %d, \"invocations\": %d,"
            + " \"coldStartMs\": %.3f,"
            + " \"initMs\": %.3f, \"invocationsPerSecond\": %.1f, \"p50Micros\": %.1f, \"p99Micros\": %.1f,"
            + " \"peakRssMb\": %.1f, \"coldStartCpuMs\": %.0f, \"cpuMicrosPerInvocation\": %.2f,"
            + " \"serverCpuMicrosPerInvocation\": %.2f}",
        r.runtime(), r.event(), r.mode(), r.run(), r.invocations(), r.coldStartMs(), r.initMs(), r.invocationsPerSecond(),
        r.p50Micros(), r.p99Micros(), r.peakRssMb(), r.coldStartCpuMs(), r.cpuMicros(),
        r.serverCpuMicros())).toList()));
    json.append("\n  ],\n  \"medians\": [\n");
    List<String> medians = new ArrayList<>();
    for (String event : events) {
      for (Figure figure : FIGURES) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
            "    {\"event\": \"%s\", \"mode\": \"%s\", \"figure\": \"%s\"", event,
            figure.pinned() ? "pinned" : "unpinned", figure.key()));
        for (String runtime : runtimes) {
          row.append(", \"").append(runtime).append("\": ").append(number(median(figure, runtime, event)));
        }
        row.append(", \"guiceOverAws\": ").append(number(ratio(figure, event, "aws")));
        row.append(", \"guiceOverFloor\": ").append(number(ratio(figure, event, "floor"))).append('}');
        medians.add(row.toString());
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
