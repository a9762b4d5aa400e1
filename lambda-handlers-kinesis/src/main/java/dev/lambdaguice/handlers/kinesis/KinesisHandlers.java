package dev.lambdaguice.handlers.kinesis;

import com.google.inject.Binder;

/**
 * Binds Kinesis Data Streams batch handlers: the application writes a {@link KinesisRecordHandler} for one record,
 * and gets a handler key serving whole batches with a partial batch response.
 *
 * <pre>{@code
 * public final class ClicksModule extends AbstractModule {
 *   @Override protected void configure() {
 *     KinesisHandlers.bind(binder(), "clicks").to(ClickHandler.class);  // implements KinesisRecordHandler<Click>
 *   }
 * }
 * }</pre>
 *
 * <p>The batch handler bound under the key ({@code LambdaHandler<JsonElement, BatchResponse>}):
 * <ul>
 *   <li>handles the records of each shard in order; when a record fails (its data is not base64 or does not fit the
 *       handler's type, or the record handler threw), the later records of its shard are not handled;
 *   <li>answers {@code {"batchItemFailures":[{"itemIdentifier":"<sequenceNumber>"}]}} naming the first failed
 *       record of each shard that failed, so Lambda retries the shard from there; {@code {"batchItemFailures":[]}}
 *       when all succeeded;
 *   <li>logs each failed record at {@code WARNING} with its sequence number, shard and the reason, and one line per
 *       stopped shard with how many records were left, never the data;
 *   <li>fails the whole invocation with {@link InvalidKinesisEventException} for an event that is not a Kinesis
 *       batch, and lets an {@link Error} thrown by the record handler fail it too (the runtime then ends the
 *       process).
 * </ul>
 * The event source mapping must list {@code ReportBatchItemFailures} in its {@code FunctionResponseTypes}; without
 * it Lambda ignores the response and checkpoints the whole batch as a success.
 */
public final class KinesisHandlers {

  private KinesisHandlers() {}

  /** Starts the binding of a Kinesis batch handler served under the handler key {@code key}. */
  public static KinesisBindingBuilder bind(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return new KinesisBindingBuilder(binder.skipSources(KinesisHandlers.class, KinesisBindingBuilder.class), key);
  }
}
