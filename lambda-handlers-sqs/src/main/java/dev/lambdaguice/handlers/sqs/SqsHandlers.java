package dev.lambdaguice.handlers.sqs;

import com.google.inject.Binder;

/**
 * Binds SQS batch handlers: the application writes an {@link SqsRecordHandler} for one record, and gets a handler
 * key serving whole batches with a partial batch response.
 *
 * <pre>{@code
 * public final class OrdersModule extends AbstractModule {
 *   @Override protected void configure() {
 *     SqsHandlers.bind(binder(), "orders").to(OrderRecordHandler.class);
 *     SqsHandlers.bind(binder(), "audit").parallelism(4).to(AuditRecordHandler.class);
 *   }
 * }
 * }</pre>
 *
 * <p>The batch handler bound under the key ({@code LambdaHandler<JsonElement, SqsBatchResponse>}):
 * <ul>
 *   <li>answers {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}, ...]}} listing every record that
 *       failed (its body did not fit, or the record handler threw), each message id once; an empty list when all
 *       succeeded;
 *   <li>logs each failed record at {@code WARNING} with its message id and the reason, never its body;
 *   <li>keeps order in FIFO batches (queue ARN ending in {@code .fifo}, or records with a {@code MessageGroupId}):
 *       after a record of a message group fails, the later records of that group are not handled and are reported
 *       as failed; other groups go on;
 *   <li>fails the whole invocation with {@link InvalidSqsEventException} for an event that is not an SQS batch, and
 *       lets an {@link Error} thrown by the record handler fail it too (the runtime then ends the process).
 * </ul>
 */
public final class SqsHandlers {

  private SqsHandlers() {}

  /** Starts the binding of an SQS batch handler served under the handler key {@code key}. */
  public static SqsBindingBuilder bind(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return new SqsBindingBuilder(binder.skipSources(SqsHandlers.class, SqsBindingBuilder.class), key);
  }
}
