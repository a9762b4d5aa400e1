package dev.lambdaguice.runtime.guice;

/**
 * How the runtime hears that Lambda is ending the process, and how it then ends it. {@link LambdaRuntime#main}
 * uses {@link SigtermTermination}; a runtime run in process by a test tool ({@link LambdaRuntime#run(
 * java.util.Map, java.util.List)}) does not own the process, uses {@link #NONE}, and runs no shutdown hook.
 */
interface Termination {

  /** Never told: for runtimes that do not own their process. */
  Termination NONE = new Termination() {
    @Override
    public boolean onTerminate(Runnable onTerm) {
      return false;
    }

    @Override
    public void exit(int status) {
      throw new IllegalStateException("a runtime that does not own its process does not end it");
    }
  };

  /**
   * Arranges for {@code onTerm} to run (on a thread of its own) when the process is asked to terminate.
   *
   * @return false when this process cannot be told (then the caller registers nothing that would ask for it)
   */
  boolean onTerminate(Runnable onTerm);

  /** Ends the process, after the shutdown hooks ran. */
  void exit(int status);
}
