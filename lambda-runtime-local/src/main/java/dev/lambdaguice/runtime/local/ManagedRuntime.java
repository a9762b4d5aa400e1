package dev.lambdaguice.runtime.local;

/** A runtime that {@link LocalLambda#close()} stops. */
interface ManagedRuntime {
  /**
   * Tells the runtime, before the server closes, that it is being stopped on purpose, so that it can end quietly
   * instead of reporting the closed connection as a platform failure; must not block.
   */
  default void stopping() {}

  /** Stops the runtime, waiting a bounded time; called once its connections are gone. */
  void stop();
}
