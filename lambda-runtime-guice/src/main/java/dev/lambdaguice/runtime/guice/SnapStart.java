package dev.lambdaguice.runtime.guice;

import com.google.inject.Injector;
import dev.lambdaguice.runtime.api.ErrorReport;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SnapStart checkpoint and restore of a container-image function, between init and the first {@code /next}
 * (AWS docs, "Implementing SnapStart hooks for container images"): prime the handler, run the before-checkpoint
 * hooks, call {@code GET /runtime/restore/next} (Lambda takes the snapshot while it waits, and answers in each
 * restored copy), then refresh what a snapshot makes wrong and run the after-restore hooks.
 *
 * <p>What a restore refreshes in the runtime itself: its Runtime API connection, which was open while the
 * snapshot was taken, is closed, so that {@code /next} goes out on a fresh one. The runtime owns no random seed and
 * caches no clock reading (log timestamps and deadlines are read per record and per call), so there is nothing
 * else of its own to renew; the application's state is what the after-restore hooks are for.
 *
 * <p>It does nothing unless {@code AWS_LAMBDA_INITIALIZATION_TYPE} is {@code snap-start}: on-demand and
 * provisioned-concurrency inits run no hook and make no restore call, as with CRaC.
 */
final class SnapStart {

  /** The variable Lambda sets to {@value #SNAP_START} when it initializes a function for a snapshot. */
  static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
  static final String SNAP_START = "snap-start";

  private SnapStart() {}

  /**
   * Checkpoints and restores when Lambda asks for a snapshot; returns 0 to go on serving, or the exit code.
   *
   * @throws InitException {@code Runtime.BeforeCheckpointError}: priming or a before-checkpoint hook failed, so
   *     the snapshot must not be taken (reported to {@code /runtime/init/error}, as AWS's Java runtime does)
   */
  static int checkpointAndRestore(Map<String, String> env, Injector injector, BoundHandler handler,
      FunctionInfo function, InvocationScope scope, RuntimeApiClient client, Logger log) throws InitException {
    if (!SNAP_START.equals(env.get(INITIALIZATION_TYPE))) {
      return 0;
    }
    Priming.run(injector, handler, function, scope, log);
    List<LambdaHook> before = LambdaHooks.hooks(injector, LambdaHooks.BeforeCheckpoint.class);
    for (LambdaHook hook : before) {
      try {
        hook.run();
      } catch (Exception | Error e) {
        throw new InitException(ErrorTypes.BEFORE_CHECKPOINT_ERROR,
            "Before-checkpoint hook " + hook.getClass().getName() + " failed: " + e, e);
      }
    }
    log.info("Ready for the SnapStart snapshot after " + count(before.size(), "before-checkpoint hook")
        + "; waiting for the restore");
    try {
      client.restoreNext();
    } catch (IOException | RuntimeException e) {
      if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
        log.info("The runtime thread was interrupted during /restore/next; the runtime stops");
      } else {
        log.log(Level.SEVERE, "The Runtime API failed on /restore/next, exiting: " + e);
      }
      return LambdaRuntime.EXIT_PLATFORM_FAILED;
    }
    long start = System.nanoTime();
    client.close(); // open while the snapshot was taken: /next gets a fresh connection
    List<LambdaHook> after = LambdaHooks.hooks(injector, LambdaHooks.AfterRestore.class);
    for (int i = after.size() - 1; i >= 0; i--) {
      LambdaHook hook = after.get(i);
      try {
        hook.run();
      } catch (Exception | Error e) {
        return restoreFailed(client, hook, e, log);
      }
    }
    log.info("Restored from the SnapStart snapshot; " + count(after.size(), "after-restore hook") + " ran in "
        + (System.nanoTime() - start) / 1_000_000 + " ms");
    return 0;
  }

  private static int restoreFailed(RuntimeApiClient client, LambdaHook hook, Throwable e, Logger log) {
    String message = "After-restore hook " + hook.getClass().getName() + " failed: " + e;
    log.log(Level.SEVERE, "Restore failed: " + ErrorTypes.AFTER_RESTORE_ERROR + ": " + message, e);
    try {
      client.restoreError(ErrorTypes.AFTER_RESTORE_ERROR, new ErrorReport(ErrorTypes.AFTER_RESTORE_ERROR, message,
          ErrorReport.of(e).stackTrace()));
    } catch (IOException | RuntimeException io) {
      log.severe("Could not report the restore error to the Runtime API: " + io);
    }
    return LambdaRuntime.EXIT_RESTORE_FAILED;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
