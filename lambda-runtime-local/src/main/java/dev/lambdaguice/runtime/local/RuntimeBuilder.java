package dev.lambdaguice.runtime.local;

import com.google.inject.Module;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What every runtime runner is told: the handler key, the modules and extra environment variables. The
 * {@link LocalLambda} adds the rest of the Lambda environment.
 *
 * @param <B> the concrete builder
 */
public abstract class RuntimeBuilder<B extends RuntimeBuilder<B>> {

  final LocalLambda lambda;
  String handler;
  final Map<String, String> env = new LinkedHashMap<>();

  RuntimeBuilder(LocalLambda lambda) {
    this.lambda = lambda;
  }

  abstract B self();

  /** The handler key: passed as the first argument and as {@code _HANDLER}. */
  public B handler(String handlerKey) {
    this.handler = handlerKey;
    return self();
  }

  /** Sets {@code LAMBDA_GUICE_MODULES} to these module class names. */
  public B modules(String... moduleClassNames) {
    return env("LAMBDA_GUICE_MODULES", String.join(",", moduleClassNames));
  }

  /** Sets {@code LAMBDA_GUICE_MODULES} to these modules' class names. */
  @SafeVarargs
  public final B modules(Class<? extends Module>... modules) {
    StringJoiner names = new StringJoiner(",");
    for (Class<? extends Module> module : modules) {
      names.add(module.getName());
    }
    return env("LAMBDA_GUICE_MODULES", names.toString());
  }

  /** Adds or overrides one environment variable. */
  public B env(String name, String value) {
    env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return self();
  }

  /** Adds or overrides environment variables. */
  public B env(Map<String, String> variables) {
    variables.forEach(this::env);
    return self();
  }
}
