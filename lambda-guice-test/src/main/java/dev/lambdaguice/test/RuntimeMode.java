package dev.lambdaguice.test;

/** Where a test's runtimes run. */
public enum RuntimeMode {
  /** On a thread of the test's JVM: starts in milliseconds and shares the test's static state. */
  IN_PROCESS,
  /**
   * In a child JVM started like the image's entry point ({@code java -cp <test class path> LambdaRuntime <key>})
   * with only Lambda's environment: slower to start, isolated, and its exit code and output are real.
   */
  CHILD_PROCESS
}
