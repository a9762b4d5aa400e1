package dev.lambdaguice.test;

import com.google.gson.Gson;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a test class's functions are made of and how they run; from {@link LambdaTest} or the builder. */
record TestConfig(List<String> modules, Map<String, String> env, RuntimeMode mode, Duration functionTimeout,
    int memorySizeMb, boolean printLogs, Gson gson, List<String> jvmArgs, int maxConcurrency) {

  TestConfig {
    if (modules.isEmpty()) {
      throw new IllegalArgumentException("name at least one Guice module (@LambdaTest(modules = AppModule.class))");
    }
    modules = List.copyOf(modules);
    env = Map.copyOf(env);
    jvmArgs = List.copyOf(jvmArgs);
    if (maxConcurrency < 0) {
      throw new IllegalArgumentException("maxConcurrency must be 1 or more (0 leaves it unset): " + maxConcurrency);
    }
  }

  static TestConfig of(LambdaTest annotation) {
    java.util.LinkedHashMap<String, String> env = new java.util.LinkedHashMap<>();
    for (String pair : annotation.env()) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("@LambdaTest(env = \"" + pair + "\"): write each variable as NAME=value");
      }
      env.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    List<String> modules = java.util.Arrays.stream(annotation.modules()).map(Class::getName).toList();
    return new TestConfig(modules, env, annotation.mode(), Duration.ofSeconds(annotation.timeoutSeconds()),
        annotation.memorySizeMb(), annotation.printLogs(), new Gson(), List.of(), annotation.maxConcurrency());
  }
}
