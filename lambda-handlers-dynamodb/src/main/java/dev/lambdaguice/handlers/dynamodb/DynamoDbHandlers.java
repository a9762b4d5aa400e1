package dev.lambdaguice.handlers.dynamodb;

import com.google.inject.Binder;

/**
 * Binds DynamoDB Streams batch handlers: the application writes a {@link DynamoDbRecordHandler} for one change,
 * and gets a handler key serving whole batches with a partial batch response.
 *
 * <pre>{@code
 * public final class BooksModule extends AbstractModule {
 *   @Override protected void configure() {
 *     DynamoDbHandlers.bind(binder(), "book-changes").to(BookChanges.class);  // DynamoDbRecordHandler<Book>
 *   }
 * }
 * }</pre>
 *
 * <p>The batch handler bound under the key ({@code LambdaHandler<JsonElement, BatchResponse>}):
 * <ul>
 *   <li>handles the records in order; when one fails (an image does not fit the item type, or the record handler
 *       threw), the later records are not handled;
 *   <li>answers {@code {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}} naming the first failed
 *       record, so Lambda retries from there; {@code {"batchItemFailures":[]}} when all succeeded;
 *   <li>logs the failed record at {@code WARNING} with its sequence number and the reason, and one line with how
 *       many records were left, never the item;
 *   <li>fails the whole invocation with {@link InvalidDynamoDbEventException} for an event that is not a DynamoDB
 *       Streams batch, and lets an {@link Error} thrown by the record handler fail it too (the runtime then ends
 *       the process).
 * </ul>
 * The event source mapping must list {@code ReportBatchItemFailures} in its {@code FunctionResponseTypes}; without
 * it Lambda ignores the response and checkpoints the whole batch as a success.
 */
public final class DynamoDbHandlers {

  private DynamoDbHandlers() {}

  /** Starts the binding of a DynamoDB Streams batch handler served under the handler key {@code key}. */
  public static DynamoDbBindingBuilder bind(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return new DynamoDbBindingBuilder(binder.skipSources(DynamoDbHandlers.class, DynamoDbBindingBuilder.class), key);
  }
}
