package dev.lambdaguice.handlers.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Which records of a batch failed, as {@link BatchRunner} left them: a record failed when it was handled and
 * failed, or when it was skipped because an earlier record of its group (message group, shard) failed.
 *
 * @param <R> the record type
 */
public final class BatchOutcome<R> {

  static final byte DONE = 0;
  static final byte FAILED = 1;
  static final byte SKIPPED = 2;

  private final List<R> records;
  private final byte[] states;
  private final boolean anyFailed;

  BatchOutcome(List<R> records, byte[] states) {
    this.records = records;
    this.states = states;
    boolean any = false;
    for (byte state : states) {
      any |= state != DONE;
    }
    this.anyFailed = any;
  }

  /** True when no record failed. */
  public boolean success() {
    return !anyFailed;
  }

  /** Every failed record, handled or skipped, in batch order. What an SQS batch response lists. */
  public List<R> failedRecords() {
    return select(false);
  }

  /**
   * The records that were handled and failed, in batch order: in a run by groups, the first failed record of each
   * group that failed. What a stream batch response lists, so Lambda retries each shard from there.
   */
  public List<R> firstFailures() {
    return select(true);
  }

  private List<R> select(boolean handledOnly) {
    if (!anyFailed) {
      return List.of();
    }
    List<R> selected = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      if (states[i] == FAILED || (!handledOnly && states[i] == SKIPPED)) {
        selected.add(records.get(i));
      }
    }
    return selected;
  }
}
