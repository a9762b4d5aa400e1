package dev.lambdaguice.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * How to start one runtime under test.
 *
 * @param name {@code guice}, {@code aws} or {@code floor}
 * @param classpath its class path
 * @param mainClass its main class
 * @param handler its handler: the program argument and {@code _HANDLER}
 * @param flags JVM flags for this runtime only, after the common ones
 */
public record RuntimeSpec(String name, String classpath, String mainClass, String handler, List<String> flags) {

  /** The names, in the default order. */
  public static final List<String> NAMES = List.of("guice", "aws", "floor");

  /** lambda-guice's bootstrap. */
  public static final String GUICE_MAIN = "dev.lambdaguice.runtime.guice.LambdaRuntime";
  /** AWS's runtime interface client. */
  public static final String AWS_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  /** The floor. */
  public static final String FLOOR_MAIN = "dev.lambdaguice.benchmarks.floor.FloorRuntime";

  /** The command line: {@code taskset -c <cpus> <java> <common flags> <flags> -cp <classpath> <main> <handler>}. */
  public List<String> command(String taskset, String cpus, String java, List<String> commonFlags) {
    List<String> command = new ArrayList<>(List.of(taskset, "-c", cpus, java));
    command.addAll(commonFlags);
    command.addAll(flags);
    command.addAll(List.of("-cp", classpath, mainClass, handler));
    return command;
  }
}
