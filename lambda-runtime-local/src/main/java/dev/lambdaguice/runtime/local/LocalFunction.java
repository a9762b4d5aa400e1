package dev.lambdaguice.runtime.local;

import java.util.concurrent.CompletableFuture;

/**
 * One function {@link LocalMain} serves.
 *
 * @param key its handler key, or null when none was given
 * @param lambda its Runtime API and invocations
 * @param exitCode its runtime's exit code; never completes for a supervised runtime
 */
record LocalFunction(String key, LocalLambda lambda, CompletableFuture<Integer> exitCode) {}
