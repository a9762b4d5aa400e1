package dev.lambdaguice.runtime.local;

/**
 * How {@link ChildProcessRuntime#shutdown} ended a runtime process.
 *
 * @param sigterm whether it was sent SIGTERM (it had registered an extension); otherwise it was killed at once
 * @param exitedWithinBudget whether it exited by itself after SIGTERM within the budget (false when SIGKILL ended it)
 * @param exitCode the process's exit status (128 + 9 after SIGKILL)
 */
public record RuntimeShutdown(boolean sigterm, boolean exitedWithinBudget, int exitCode) {}
