package dev.lambdaguice.runtime.local;

import java.util.List;
import java.util.Map;

/**
 * A runtime's in-process entry point, shaped like {@code LambdaRuntime.run(env, args)}: serves invocations with
 * the given environment and arguments until it must stop, and returns the exit code.
 */
@FunctionalInterface
public interface RuntimeEntry {
  int run(Map<String, String> env, List<String> args) throws Exception;
}
