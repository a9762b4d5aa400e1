package dev.lambdaguice.runtime.local;

import java.util.Optional;

/**
 * The SnapStart state of the current runtime, as the platform sees it: whether it asked for its snapshot
 * ({@code /restore/next}), whether that call was answered (the runtime is "restored"), and the restore error it
 * posted, if any. A fresh runtime (after a supervised restart) starts over. Thread-safe.
 */
final class Snapshots {

  private int checkpoints;
  private boolean restored;
  private RuntimeError restoreError;

  /** The runtime called {@code /restore/next}: the point at which Lambda takes the snapshot. */
  synchronized void checkpoint() {
    checkpoints++;
  }

  /** {@code /restore/next} is being answered. */
  synchronized void restore() {
    restored = true;
  }

  /** Records a restore error; false if one was recorded already, or there was no restore yet. */
  synchronized boolean restoreError(RuntimeError error) {
    if (!restored || restoreError != null) {
      return false;
    }
    restoreError = error;
    return true;
  }

  synchronized boolean restored() {
    return restored;
  }

  synchronized int checkpoints() {
    return checkpoints;
  }

  synchronized Optional<RuntimeError> restoreError() {
    return Optional.ofNullable(restoreError);
  }

  /** Forgets the previous runtime's snapshot: a fresh one checkpoints and restores again. */
  synchronized void newRuntime() {
    checkpoints = 0;
    restored = false;
    restoreError = null;
  }
}
