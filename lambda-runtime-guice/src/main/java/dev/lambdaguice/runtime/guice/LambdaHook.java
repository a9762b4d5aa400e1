package dev.lambdaguice.runtime.guice;

/**
 * Code the runtime runs at a point of the execution environment's life: before a SnapStart snapshot, after a
 * restore from it, or when Lambda shuts the environment down. Bind hooks with {@link LambdaHooks}.
 *
 * <p>A hook that throws stops what it is part of: see {@link LambdaHooks} for what each failure does.
 */
@FunctionalInterface
public interface LambdaHook {

  /** Runs the hook. */
  void run() throws Exception;
}
