package dev.lambdaguice.handlers.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a {@link RecordCall} once per record of a batch and keeps which records failed. Created once per handler
 * key, at init; safe for concurrent invocations.
 *
 * <ul>
 *   <li>A failed record is logged at {@code WARNING} with its description and the reason (the exception with its
 *       stack trace, or only its class when its message or stack trace cannot be read), never its data.
 *   <li>An {@link Error} from the call propagates at once and fails the invocation.
 *   <li>An interrupt the call left on its thread is cleared before the next record.
 *   <li>{@link #runInGroups} keeps order within a group (an SQS message group, a stream shard): after a record
 *       fails, the later records of its group are skipped and count as failed.
 * </ul>
 *
 * @param <R> the record type
 */
public final class BatchRunner<R> {

  private final Logger log;
  private final String key;
  private final Function<? super R, String> describe;
  private final String groupName;
  private final boolean logEachSkipped;
  private final ParallelRunner parallel;

  /**
   * @param log the logger for failed records (the source module's)
   * @param key the handler key, named in log lines
   * @param describe a record as log lines name it: {@code "SQS record <messageId>"}
   * @param groupName what a group is called in log lines: {@code "message group"}, {@code "shard"}
   * @param logEachSkipped log one line per skipped record; else one line per stopped group, with the count
   * @param parallel the runner for parallel batches (records, or groups, at once), or null for one after the other
   */
  public BatchRunner(Logger log, String key, Function<? super R, String> describe, String groupName,
      boolean logEachSkipped, ParallelRunner parallel) {
    this.log = log;
    this.key = key;
    this.describe = describe;
    this.groupName = groupName;
    this.logEachSkipped = logEachSkipped;
    this.parallel = parallel;
  }

  /** Handles every record, independently of the others (in parallel with a parallel runner). */
  public BatchOutcome<R> runEach(List<R> records, RecordCall<? super R> call) {
    byte[] states = new byte[records.size()];
    if (parallel == null || records.size() < 2) {
      for (int i = 0; i < states.length; i++) {
        run(records, states, i, call);
      }
    } else {
      parallel.run(records.size(), i -> run(records, states, i, call));
    }
    return new BatchOutcome<>(records, states);
  }

  /**
   * Handles the records of each group in batch order, skipping a group's records after its first failure; groups
   * run in parallel with a parallel runner. {@code group} gives a record's group (null is a group too).
   */
  public BatchOutcome<R> runInGroups(List<R> records, Function<? super R, ?> group, RecordCall<? super R> call) {
    byte[] states = new byte[records.size()];
    if (parallel == null || records.size() < 2) {
      Set<Object> failedGroups = null;
      for (int i = 0; i < states.length; i++) {
        Object g = group.apply(records.get(i));
        if (failedGroups != null && failedGroups.contains(g)) {
          states[i] = BatchOutcome.SKIPPED;
        } else if (!run(records, states, i, call)) {
          if (failedGroups == null) {
            failedGroups = new HashSet<>();
          }
          failedGroups.add(g);
        }
      }
    } else {
      List<int[]> groups = groups(records, group);
      parallel.run(groups.size(), g -> {
        boolean failed = false;
        for (int i : groups.get(g)) {
          if (failed) {
            states[i] = BatchOutcome.SKIPPED;
          } else {
            failed = !run(records, states, i, call);
          }
        }
      });
    }
    logSkipped(records, states, group);
    return new BatchOutcome<>(records, states);
  }

  /** The indices of each group, in batch order. */
  private static <R> List<int[]> groups(List<R> records, Function<? super R, ?> group) {
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      groups.computeIfAbsent(group.apply(records.get(i)), g -> new ArrayList<>()).add(i);
    }
    List<int[]> tasks = new ArrayList<>(groups.size());
    for (List<Integer> indices : groups.values()) {
      tasks.add(indices.stream().mapToInt(Integer::intValue).toArray());
    }
    return tasks;
  }

  /** Handles record {@code i}; false when it failed. An {@link Error} propagates. */
  private boolean run(List<R> records, byte[] states, int i, RecordCall<? super R> call) {
    R record = records.get(i);
    try {
      call.handle(record);
      return true;
    } catch (Error e) {
      throw e;
    } catch (UnreadableDataException e) {
      states[i] = BatchOutcome.FAILED;
      log.warning(describe.apply(record) + " failed in handler '" + key + "': " + e.getMessage());
      return false;
    } catch (Throwable e) {
      states[i] = BatchOutcome.FAILED;
      logFailure(record, e);
      return false;
    } finally {
      Thread.interrupted(); // an interrupt the record handler left must not reach the next record
    }
  }

  /** Logs the failure with the exception, or only its class if its message or stack trace cannot be read. */
  private void logFailure(R record, Throwable e) {
    String prefix = describe.apply(record) + " failed in handler '" + key + "': ";
    String reason;
    try {
      reason = e.getClass().getName() + ": " + e.getMessage();
      e.getStackTrace();
    } catch (RuntimeException | StackOverflowError unreadable) {
      log.warning(prefix + e.getClass().getName() + " (its message or stack trace could not be read)");
      return;
    }
    log.log(Level.WARNING, prefix + reason, e);
  }

  /**
   * One line per skipped record, or one per group that stopped with records left, naming where it stopped and how
   * many were skipped.
   */
  private void logSkipped(List<R> records, byte[] states, Function<? super R, ?> group) {
    Map<Object, Integer> firstFailure = null;
    Map<Object, Integer> skipped = null;
    for (int i = 0; i < states.length; i++) {
      if (states[i] == BatchOutcome.SKIPPED) {
        if (logEachSkipped) {
          log.warning(describe.apply(records.get(i)) + " not handled by handler '" + key + "': an earlier record"
              + " of its " + groupName + " failed");
        } else {
          skipped.merge(group.apply(records.get(i)), 1, Integer::sum);
        }
      } else if (states[i] == BatchOutcome.FAILED && !logEachSkipped) {
        if (firstFailure == null) {
          firstFailure = new LinkedHashMap<>();
          skipped = new HashMap<>();
        }
        firstFailure.putIfAbsent(group.apply(records.get(i)), i);
      }
    }
    if (firstFailure != null) {
      for (Map.Entry<Object, Integer> stopped : firstFailure.entrySet()) {
        int count = skipped.getOrDefault(stopped.getKey(), 0);
        if (count == 0) {
          continue; // the failure's own line says it all
        }
        log.warning(describe.apply(records.get(stopped.getValue())) + " stopped its " + groupName + " in handler '"
            + key + "': " + count + (count == 1 ? " later record was" : " later records were") + " not handled;"
            + " Lambda retries from this record");
      }
    }
  }
}
