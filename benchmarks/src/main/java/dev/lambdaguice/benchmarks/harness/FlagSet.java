package dev.lambdaguice.benchmarks.harness;

import java.util.List;

/**
 * A named set of JVM flags given to every runtime of a run, after the common flags ({@code --jvm-flag}) and before
 * each runtime's own. A run may measure several sets, interleaved ({@code --flag-sets default,aws}).
 *
 * @param name {@code default} or {@code aws}
 * @param flags the flags
 */
public record FlagSet(String name, List<String> flags) {

  /** The names, in the default order. */
  public static final List<String> NAMES = List.of("default", "aws");

  /** No flags: the JVM's own ergonomics. */
  public static final FlagSet DEFAULT = new FlagSet("default", List.of());

  /**
   * The flags AWS's managed Java runtimes start the JVM with on Lambda (and the sample image's): C1 only, and the
   * Serial GC.
   */
  public static final FlagSet AWS = new FlagSet("aws", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));

  /** The set called {@code name}. */
  public static FlagSet named(String name) {
    return switch (name) {
      case "default" -> DEFAULT;
      case "aws" -> AWS;
      default -> throw new IllegalArgumentException("unknown flag set '" + name + "' (" + NAMES + ")");
    };
  }
}
