package dev.lambdaguice.runtime.guice;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The bootstrap: builds one injector from the modules named in {@code LAMBDA_GUICE_MODULES}, picks the handler
 * named by the first program argument (the image CMD) or {@code _HANDLER}, and serves invocations until the
 * platform goes away.
 */
public final class LambdaRuntime {

  private LambdaRuntime() {}

  /** Runs the runtime with the process environment; exits non-zero when it must stop. */
  public static void main(String[] args) {
    System.exit(run(System.getenv(), Arrays.asList(args)));
  }

  /**
   * Runs the runtime with the given environment and arguments until it must stop, and returns the exit code the
   * process should end with (never 0: a runtime only stops on a fatal error). For in-process use by tests and by
   * {@code lambda-runtime-local}.
   */
  public static int run(Map<String, String> env, List<String> args) {
    throw new UnsupportedOperationException("TODO");
  }
}
