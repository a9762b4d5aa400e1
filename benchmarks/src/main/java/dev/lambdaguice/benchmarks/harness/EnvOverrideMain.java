package dev.lambdaguice.benchmarks.harness;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link LambdaRuntime#main} with environment variables added from system properties {@code -Denv.NAME=VALUE}: for
 * A/B runs of a setting the runtime reads from its environment (a Java process cannot change its own), such as
 * {@code --runtime-spec name=off,classpath=...,main=dev.lambdaguice.benchmarks.harness.EnvOverrideMain,
 * flag=-Denv.LAMBDA_GUICE_DEADLINE_WARNING_MS=0}. Sets {@code guice_custom_class_loading} as the real main does.
 */
public final class EnvOverrideMain {

  private static final String PREFIX = "env.";

  private EnvOverrideMain() {}

  public static void main(String[] args) {
    if (System.getProperty("guice_custom_class_loading") == null) {
      System.setProperty("guice_custom_class_loading", "CHILD");
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
        .forEach(name -> env.put(name.substring(PREFIX.length()), System.getProperty(name)));
    System.exit(LambdaRuntime.run(env, Arrays.asList(args)));
  }
}
