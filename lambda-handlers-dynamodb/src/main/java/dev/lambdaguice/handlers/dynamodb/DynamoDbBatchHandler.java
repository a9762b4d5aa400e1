package dev.lambdaguice.handlers.dynamodb;

import com.google.gson.JsonElement;
import dev.lambdaguice.handlers.batch.BatchOutcome;
import dev.lambdaguice.handlers.batch.BatchResponse;
import dev.lambdaguice.handlers.batch.BatchRunner;
import dev.lambdaguice.handlers.batch.DataReader;
import dev.lambdaguice.handlers.batch.UnreadableDataException;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Serves DynamoDB Streams batches with a record handler on the batch core: records in order, stopping at the first
 * failure, and answering with that record's sequence number. See {@link DynamoDbHandlers}.
 */
final class DynamoDbBatchHandler implements LambdaHandler<JsonElement, BatchResponse> {

  private static final Logger LOG = Logger.getLogger(DynamoDbBatchHandler.class.getPackageName());

  private final DynamoDbRecordHandler<Object> recordHandler;
  private final ImageReader newImages;
  private final ImageReader oldImages;
  private final BatchRunner<DynamoDbRecord> runner;

  /** Reads an image as the item type: the typed map itself, or its plain JSON read by a {@link DataReader}. */
  @FunctionalInterface
  interface ImageReader {
    Object read(Map<String, AttributeValue> image) throws UnreadableDataException;

    /** The reader for the item type: {@code reader} null keeps the typed map. */
    static ImageReader of(DataReader reader) {
      return reader == null ? image -> image : image -> reader.read(AttributeValues.toJson(image));
    }
  }

  @SuppressWarnings("unchecked")
  DynamoDbBatchHandler(String key, DynamoDbRecordHandler<?> recordHandler, ImageReader newImages,
      ImageReader oldImages) {
    this.recordHandler = (DynamoDbRecordHandler<Object>) recordHandler;
    this.newImages = newImages;
    this.oldImages = oldImages;
    this.runner = new BatchRunner<>(LOG, key, record -> "DynamoDB record " + record.sequenceNumber(), "shard",
        false, null);
  }

  @Override
  public BatchResponse handle(JsonElement event, LambdaContext context) throws InvalidDynamoDbEventException {
    List<DynamoDbRecord> records = DynamoDbEventParser.parse(event);
    // One batch comes from one shard; a record does not name its shard, so the stream is the group.
    BatchOutcome<DynamoDbRecord> outcome = runner.runInGroups(records, DynamoDbRecord::eventSourceArn,
        record -> recordHandler.handle(new DynamoDbChange<>(record, read(record.newImage(), newImages),
            read(record.oldImage(), oldImages)), context));
    if (outcome.success()) {
      return BatchResponse.success();
    }
    List<String> sequenceNumbers = new ArrayList<>();
    for (DynamoDbRecord failed : outcome.firstFailures()) {
      sequenceNumbers.add(failed.sequenceNumber());
    }
    return BatchResponse.of(sequenceNumbers);
  }

  private static Optional<Object> read(Optional<Map<String, AttributeValue>> image, ImageReader reader)
      throws UnreadableDataException {
    return image.isEmpty() ? Optional.empty() : Optional.ofNullable(reader.read(image.get()));
  }
}
