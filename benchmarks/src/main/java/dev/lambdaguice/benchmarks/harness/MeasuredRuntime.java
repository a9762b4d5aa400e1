package dev.lambdaguice.benchmarks.harness;

import java.util.List;
import java.util.Map;

/**
 * A runtime the harness measures: a JVM main class on a class path ({@link RuntimeSpec}) or a container image's
 * Entrypoint ({@link ImageRuntime}). The harness puts its launcher ({@code taskset} or a sandbox) in front of the
 * command.
 */
public sealed interface MeasuredRuntime permits RuntimeSpec, ImageRuntime {

  /** The name in tables, logs and {@code --runtimes}. */
  String name();

  /**
   * The command line that starts it, with {@code jvmFlags} (the common ones and the run's flag set) right after the
   * {@code java} binary, then the runtime's own flags.
   *
   * @param java the JVM of the run ({@code --java}); a runtime may bring its own
   */
  List<String> command(String java, List<String> jvmFlags);

  /** Its environment, from the Lambda environment every runtime of the run gets. */
  Map<String, String> environment(Map<String, String> lambda);
}
