package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonElement;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves SQS batches with a record handler: reads each record's body, calls the record handler once per record,
 * and answers with the records that failed. See {@link SqsHandlers} for the rules.
 */
final class SqsBatchHandler implements LambdaHandler<JsonElement, SqsBatchResponse> {

  private static final Logger LOG = Logger.getLogger(SqsBatchHandler.class.getPackageName());

  private final String key;
  private final SqsRecordHandler<Object> recordHandler;
  private final BodyReader bodies;
  private final ParallelRunner parallel;

  /**
   * @param parallel the runner for parallel batches, or null to handle records one after the other
   */
  @SuppressWarnings("unchecked")
  SqsBatchHandler(String key, SqsRecordHandler<?> recordHandler, BodyReader bodies, ParallelRunner parallel) {
    this.key = key;
    this.recordHandler = (SqsRecordHandler<Object>) recordHandler;
    this.bodies = bodies;
    this.parallel = parallel;
  }

  @Override
  public SqsBatchResponse handle(JsonElement event, LambdaContext context) throws InvalidSqsEventException {
    List<SqsMessage> records = SqsEventParser.parse(event).records();
    Batch batch = new Batch(records, context);
    boolean fifo = records.stream().anyMatch(SqsMessage::fifo);
    if (parallel == null || records.size() < 2) {
      batch.runInOrder(fifo);
    } else if (fifo) {
      List<int[]> groups = groups(records);
      parallel.run(groups.size(), g -> batch.runGroup(groups.get(g)));
    } else {
      parallel.run(records.size(), batch::run);
    }
    return batch.response();
  }

  /** The indices of each message group, in batch order; records without a group id form one group. */
  private static List<int[]> groups(List<SqsMessage> records) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      groups.computeIfAbsent(records.get(i).messageGroupId(), g -> new ArrayList<>()).add(i);
    }
    List<int[]> tasks = new ArrayList<>(groups.size());
    for (List<Integer> group : groups.values()) {
      tasks.add(group.stream().mapToInt(Integer::intValue).toArray());
    }
    return tasks;
  }

  /** One invocation's batch: its records and which of them failed. */
  private final class Batch {
    private final List<SqsMessage> records;
    private final LambdaContext context;
    private final boolean[] failed;

    Batch(List<SqsMessage> records, LambdaContext context) {
      this.records = records;
      this.context = context;
      this.failed = new boolean[records.size()];
    }

    /** Handles every record in batch order; in a FIFO batch, skips the records after a failure in their group. */
    void runInOrder(boolean fifo) {
      Set<String> failedGroups = fifo ? new HashSet<>() : null;
      for (int i = 0; i < records.size(); i++) {
        String group = fifo ? records.get(i).messageGroupId() : null;
        if (fifo && failedGroups.contains(group)) {
          skip(i);
        } else if (!run(i) && fifo) {
          failedGroups.add(group);
        }
      }
    }

    /** Handles the records of one message group in order, skipping the ones after a failure. */
    void runGroup(int[] indices) {
      boolean groupFailed = false;
      for (int i : indices) {
        if (groupFailed) {
          skip(i);
        } else {
          groupFailed = !run(i);
        }
      }
    }

    /** Handles record {@code i}; false when it failed. An {@link Error} propagates. */
    private boolean run(int i) {
      SqsMessage message = records.get(i);
      Object body;
      try {
        body = bodies.read(message.body());
      } catch (UnreadableBodyException e) {
        failed[i] = true;
        LOG.warning("SQS record " + message.messageId() + " failed in handler '" + key + "': " + e.getMessage());
        return false;
      }
      try {
        recordHandler.handle(body, message, context);
        return true;
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        failed[i] = true;
        logFailure(message, e);
        return false;
      } finally {
        Thread.interrupted(); // an interrupt the record handler left must not reach the next record
      }
    }

    private void skip(int i) {
      failed[i] = true;
      SqsMessage message = records.get(i);
      LOG.warning("SQS record " + message.messageId() + " not handled by handler '" + key
          + "': an earlier record of its message group failed");
    }

    /** Logs the failure with the exception, or only its class if its message or stack trace cannot be read. */
    private void logFailure(SqsMessage message, Throwable e) {
      String prefix = "SQS record " + message.messageId() + " failed in handler '" + key + "': ";
      String reason;
      try {
        reason = e.getClass().getName() + ": " + e.getMessage();
        e.getStackTrace();
      } catch (RuntimeException | StackOverflowError unreadable) {
        LOG.warning(prefix + e.getClass().getName() + " (its message or stack trace could not be read)");
        return;
      }
      LOG.log(Level.WARNING, prefix + reason, e);
    }

    /** The failed records' message ids, each once, in batch order. */
    SqsBatchResponse response() {
      Set<String> ids = null;
      for (int i = 0; i < failed.length; i++) {
        if (failed[i]) {
          if (ids == null) {
            ids = new LinkedHashSet<>();
          }
          ids.add(records.get(i).messageId());
        }
      }
      if (ids == null) {
        return SqsBatchResponse.success();
      }
      List<BatchItemFailure> failures = new ArrayList<>(ids.size());
      for (String id : ids) {
        failures.add(new BatchItemFailure(id));
      }
      return new SqsBatchResponse(failures);
    }
  }
}
