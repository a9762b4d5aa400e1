package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runtime that is a JVM main class on a class path: the three built-in ones ({@link #NAMES}) or one named on the
 * command line with {@code --runtime-spec} (see {@link #parse}), such as a baseline build of lambda-guice.
 *
 * @param name {@code guice}, {@code aws}, {@code floor}, or the name given
 * @param classpath its class path
 * @param mainClass its main class
 * @param handler its handler: the program argument and {@code _HANDLER}
 * @param flags JVM flags for this runtime only, after the common ones
 * @param java its own JVM, or null for the run's ({@code --java})
 */
public record RuntimeSpec(String name, String classpath, String mainClass, String handler, List<String> flags,
    String java) implements MeasuredRuntime {

  /** The built-in names, in the default order. */
  public static final List<String> NAMES = List.of("guice", "aws", "floor");

  /** lambda-guice's bootstrap. */
  public static final String GUICE_MAIN = "dev.lambdaguice.runtime.guice.LambdaRuntime";
  /** AWS's runtime interface client. */
  public static final String AWS_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  /** The floor. */
  public static final String FLOOR_MAIN = "dev.lambdaguice.benchmarks.floor.FloorRuntime";

  /**
   * A runtime from {@code --runtime-spec name=<name>,main=<class>,classpath=<cp or @file>[,handler=<h>]
   * [,java=<path>][,flag=<flag>]...}: the handler defaults to {@code echo}, the main class to lambda-guice's;
   * {@code classpath=@file} reads the class path from a file (such as a {@code classpath.txt}).
   */
  public static RuntimeSpec parse(String spec) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> flags = new ArrayList<>();
    for (String part : spec.split(",")) {
      int equals = part.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("--runtime-spec: expected key=value, got '" + part + "' in " + spec);
      }
      String key = part.substring(0, equals).trim();
      String value = part.substring(equals + 1).trim();
      if (key.equals("flag")) {
        flags.add(value);
      } else if (!List.of("name", "main", "classpath", "handler", "java").contains(key)) {
        throw new IllegalArgumentException("--runtime-spec: unknown key '" + key
            + "' (name, main, classpath, handler, java, flag)");
      } else {
        values.put(key, value);
      }
    }
    String name = values.get("name");
    String classpath = values.get("classpath");
    if (name == null || classpath == null) {
      throw new IllegalArgumentException("--runtime-spec needs name= and classpath=: " + spec);
    }
    if (NAMES.contains(name) || name.equals(ImageRuntime.NAME) || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("--runtime-spec: choose a new name of letters, digits, '.', '_' or '-',"
          + " not '" + name + "'");
    }
    if (classpath.startsWith("@")) {
      try {
        classpath = Files.readString(Path.of(classpath.substring(1))).trim();
      } catch (IOException e) {
        throw new UncheckedIOException("--runtime-spec " + name + ": cannot read the class path file", e);
      }
    }
    return new RuntimeSpec(name, classpath, values.getOrDefault("main", GUICE_MAIN),
        values.getOrDefault("handler", "echo"), List.copyOf(flags), values.get("java"));
  }

  /** This runtime with {@code more} flags after its own. */
  public RuntimeSpec withFlags(List<String> more) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(more);
    return new RuntimeSpec(name, classpath, mainClass, handler, List.copyOf(all), java);
  }

  /** {@code <java> <jvmFlags> <flags> -cp <classpath> <main> <handler>}. */
  @Override
  public List<String> command(String runJava, List<String> jvmFlags) {
    List<String> command = new ArrayList<>(List.of(java != null ? java : runJava));
    command.addAll(jvmFlags);
    command.addAll(flags);
    command.addAll(List.of("-cp", classpath, mainClass, handler));
    return command;
  }

  @Override
  public Map<String, String> environment(Map<String, String> lambda) {
    Map<String, String> env = new LinkedHashMap<>(lambda);
    env.put("_HANDLER", handler);
    return env;
  }
}
