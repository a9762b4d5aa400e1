package dev.lambdaguice.handlers.kinesis;

import com.google.gson.JsonElement;
import dev.lambdaguice.handlers.batch.BatchOutcome;
import dev.lambdaguice.handlers.batch.BatchResponse;
import dev.lambdaguice.handlers.batch.BatchRunner;
import dev.lambdaguice.handlers.batch.DataReader;
import dev.lambdaguice.handlers.batch.UnreadableDataException;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * Serves Kinesis batches with a record handler on the batch core: each shard's records in order, stopping a shard
 * at its first failure, and answering with that record's sequence number. See {@link KinesisHandlers}.
 */
final class KinesisBatchHandler implements LambdaHandler<JsonElement, BatchResponse> {

  private static final Logger LOG = Logger.getLogger(KinesisBatchHandler.class.getPackageName());

  /** A record's shard: records of one shard keep their order. */
  private record Shard(String eventSourceArn, String shardId) {}

  private final KinesisRecordHandler<Object> recordHandler;
  private final DataReader reader;
  private final BatchRunner<KinesisRecord> runner;

  @SuppressWarnings("unchecked")
  KinesisBatchHandler(String key, KinesisRecordHandler<?> recordHandler, DataReader reader) {
    this.recordHandler = (KinesisRecordHandler<Object>) recordHandler;
    this.reader = reader;
    this.runner = new BatchRunner<>(LOG, key, KinesisBatchHandler::describe, "shard", false, null);
  }

  @Override
  public BatchResponse handle(JsonElement event, LambdaContext context) throws InvalidKinesisEventException {
    List<KinesisRecord> records = KinesisEventParser.parse(event);
    BatchOutcome<KinesisRecord> outcome = runner.runInGroups(records,
        record -> new Shard(record.eventSourceArn(), record.shardId()),
        record -> recordHandler.handle(data(record), record, context));
    if (outcome.success()) {
      return BatchResponse.success();
    }
    List<String> sequenceNumbers = new ArrayList<>();
    for (KinesisRecord failed : outcome.firstFailures()) {
      sequenceNumbers.add(failed.sequenceNumber());
    }
    return BatchResponse.of(sequenceNumbers);
  }

  private Object data(KinesisRecord record) throws UnreadableDataException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(record.data());
    } catch (IllegalArgumentException e) {
      throw new UnreadableDataException("its data", "is not base64");
    }
    return reader.read(bytes);
  }

  private static String describe(KinesisRecord record) {
    return "Kinesis record " + record.sequenceNumber()
        + (record.shardId() == null ? "" : " of " + record.shardId());
  }
}
