package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonElement;
import dev.lambdaguice.handlers.batch.BatchOutcome;
import dev.lambdaguice.handlers.batch.BatchRunner;
import dev.lambdaguice.handlers.batch.ParallelRunner;
import dev.lambdaguice.handlers.batch.RecordCall;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Serves SQS batches with a record handler on the batch core: reads each record's body, calls the record handler
 * once per record, and answers with the records that failed. See {@link SqsHandlers} for the rules.
 */
final class SqsBatchHandler implements LambdaHandler<JsonElement, SqsBatchResponse> {

  private static final Logger LOG = Logger.getLogger(SqsBatchHandler.class.getPackageName());

  private final SqsRecordHandler<Object> recordHandler;
  private final BodyReader bodies;
  private final BatchRunner<SqsMessage> runner;

  /**
   * @param parallel the runner for parallel batches, or null to handle records one after the other
   */
  @SuppressWarnings("unchecked")
  SqsBatchHandler(String key, SqsRecordHandler<?> recordHandler, BodyReader bodies, ParallelRunner parallel) {
    this.recordHandler = (SqsRecordHandler<Object>) recordHandler;
    this.bodies = bodies;
    this.runner = new BatchRunner<>(LOG, key, message -> "SQS record " + message.messageId(), "message group",
        true, parallel);
  }

  @Override
  public SqsBatchResponse handle(JsonElement event, LambdaContext context) throws InvalidSqsEventException {
    List<SqsMessage> records = SqsEventParser.parse(event).records();
    RecordCall<SqsMessage> call = message -> recordHandler.handle(bodies.read(message.body()), message, context);
    boolean fifo = false;
    for (SqsMessage message : records) {
      if (message.fifo()) {
        fifo = true;
        break;
      }
    }
    BatchOutcome<SqsMessage> outcome = fifo
        ? runner.runInGroups(records, SqsMessage::messageGroupId, call)
        : runner.runEach(records, call);
    return response(outcome);
  }

  /** The failed records' message ids, each once, in batch order. */
  private static SqsBatchResponse response(BatchOutcome<SqsMessage> outcome) {
    if (outcome.success()) {
      return SqsBatchResponse.success();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (SqsMessage message : outcome.failedRecords()) {
      ids.add(message.messageId());
    }
    List<BatchItemFailure> failures = new ArrayList<>(ids.size());
    for (String id : ids) {
      failures.add(new BatchItemFailure(id));
    }
    return new SqsBatchResponse(failures);
  }
}
