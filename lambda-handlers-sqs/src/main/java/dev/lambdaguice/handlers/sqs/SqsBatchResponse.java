package dev.lambdaguice.handlers.sqs;

import com.google.gson.annotations.JsonAdapter;
import java.util.List;

/**
 * A partial batch response: the records Lambda must not delete from the queue, written as
 * {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}}, with an empty list when every record succeeded.
 * Lambda reads it only when the event source mapping has {@code ReportBatchItemFailures} among its
 * {@code FunctionResponseTypes}.
 *
 * <p>It is always written in exactly that form, whatever {@link com.google.gson.Gson} the application binds (field
 * naming policies, {@code @Expose}-only serialization and the like do not change it).
 *
 * @param batchItemFailures the failed records, each message id at most once (never null)
 */
@JsonAdapter(SqsBatchResponseAdapter.class)
public record SqsBatchResponse(List<BatchItemFailure> batchItemFailures) {

  private static final SqsBatchResponse SUCCESS = new SqsBatchResponse(List.of());

  public SqsBatchResponse {
    batchItemFailures = batchItemFailures == null ? List.of() : List.copyOf(batchItemFailures);
  }

  /** The response for a batch whose records all succeeded. */
  public static SqsBatchResponse success() {
    return SUCCESS;
  }

  /** The message ids of the failed records, in order. */
  public List<String> failedMessageIds() {
    return batchItemFailures.stream().map(BatchItemFailure::itemIdentifier).toList();
  }
}
