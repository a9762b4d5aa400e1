package dev.lambdaguice.handlers.kinesis;

import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * Handles one record of a Kinesis batch. Bind it with {@link KinesisHandlers#bind}; the batch handler around it
 * decodes each record's data from base64, reads it as {@code T} and calls this once per record, each shard's
 * records in order.
 *
 * <p>The data type {@code T} is read from the implementing class, so implement this interface with a concrete
 * type:
 * <ul>
 *   <li>{@code byte[]}: the data as the producer put it (also for KPL-aggregated records);
 *   <li>{@code String}: the data as UTF-8 text (data that is not UTF-8 fails the record);
 *   <li>{@code JsonElement} (or {@code JsonObject}, {@code JsonArray}): the data parsed as JSON;
 *   <li>anything else (a record, a POJO, {@code List<Foo>}, ...): read from the data's JSON by the injector's
 *       {@link com.google.gson.Gson}.
 * </ul>
 * A record whose data is not base64 or does not fit {@code T} fails without reaching this handler.
 *
 * <p>Return normally to mark the record done; throw to mark it failed. A failure stops its shard: the later
 * records of that shard in the batch are not handled, and Lambda retries the shard from the failed record. An
 * {@link Error} fails the whole invocation and ends the process.
 *
 * @param <T> the data type
 */
@FunctionalInterface
public interface KinesisRecordHandler<T> {

  /**
   * Handles one record.
   *
   * @param data the record's data, decoded and read as {@code T}
   * @param record the whole record: partition key, sequence number, arrival time, shard, stream ARN, ...
   * @param context the invocation the batch arrived in
   */
  void handle(T data, KinesisRecord record, LambdaContext context) throws Exception;
}
