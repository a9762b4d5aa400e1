package dev.lambdaguice.runtime.local;

/** A runtime that {@link LocalLambda#close()} stops after it has closed the server. */
interface ManagedRuntime {
  /** Stops the runtime, waiting a bounded time; called once its connections are gone. */
  void stop();
}
