package dev.lambdaguice.handlers.batch;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;

/**
 * A partial batch response, written as {@code {"batchItemFailures":[{"itemIdentifier":"<id>"}]}}, with an empty
 * list when every record succeeded. Lambda reads it only when the event source mapping has
 * {@code ReportBatchItemFailures} among its {@code FunctionResponseTypes}. For a stream (Kinesis, DynamoDB Streams)
 * the identifier is a sequence number and Lambda retries the shard from the lowest one listed.
 *
 * <p>It is always written in exactly that form, whatever {@link com.google.gson.Gson} the application binds.
 *
 * @param batchItemFailures the failed records, each identifier at most once (never null)
 */
@JsonAdapter(BatchResponseAdapter.class)
public record BatchResponse(List<BatchItemFailure> batchItemFailures) {

  private static final BatchResponse SUCCESS = new BatchResponse(List.of());

  public BatchResponse {
    batchItemFailures = batchItemFailures == null ? List.of() : List.copyOf(batchItemFailures);
  }

  /** The response for a batch whose records all succeeded: {@code {"batchItemFailures":[]}}. */
  public static BatchResponse success() {
    return SUCCESS;
  }

  /** The response listing {@code itemIdentifiers}, in order; {@link #success()} for none. */
  public static BatchResponse of(List<String> itemIdentifiers) {
    if (itemIdentifiers.isEmpty()) {
      return SUCCESS;
    }
    BatchItemFailure[] failures = new BatchItemFailure[itemIdentifiers.size()];
    for (int i = 0; i < failures.length; i++) {
      failures[i] = new BatchItemFailure(itemIdentifiers.get(i));
    }
    return new BatchResponse(List.of(failures));
  }

  /** The identifiers of the failed records, in order. */
  public List<String> itemIdentifiers() {
    return batchItemFailures.stream().map(BatchItemFailure::itemIdentifier).toList();
  }
}
