package dev.lambdaguice.runtime.local;

/**
 * One function {@link LocalMain} serves.
 *
 * @param key its handler key, or null when none was given
 * @param lambda its Runtime API and invocations
 * @param runtime the runtime serving it in this JVM
 */
record LocalFunction(String key, LocalLambda lambda, InProcessRuntime runtime) {}
