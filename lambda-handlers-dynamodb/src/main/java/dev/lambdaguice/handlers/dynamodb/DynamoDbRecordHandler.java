package dev.lambdaguice.handlers.dynamodb;

import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * Handles one change of a DynamoDB Streams batch. Bind it with {@link DynamoDbHandlers#bind}; the batch handler
 * around it reads each record's images as {@code T} and calls this once per record, in stream order.
 *
 * <p>The item type {@code T} is read from the implementing class, so implement this interface with a concrete
 * type:
 * <ul>
 *   <li>{@code Map<String, AttributeValue>}: the images as DynamoDB typed them;
 *   <li>{@code JsonObject} (or {@code JsonElement}): the images as plain JSON ({@link AttributeValues#toJson});
 *   <li>anything else (a record, a POJO): read from the plain JSON by the injector's
 *       {@link com.google.gson.Gson}: strings and binaries (base64) as strings, numbers as numbers, sets and lists
 *       as arrays, maps as objects.
 * </ul>
 * A record whose image does not fit {@code T} fails without reaching this handler. The typed maps are always in
 * {@link DynamoDbChange#record()}.
 *
 * <p>Return normally to mark the record done; throw to mark it failed. A failure stops the batch's shard: the
 * later records are not handled, and Lambda retries from the failed record. An {@link Error} fails the whole
 * invocation and ends the process.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface DynamoDbRecordHandler<T> {

  /**
   * Handles one change.
   *
   * @param change the record and its images read as {@code T}
   * @param context the invocation the batch arrived in
   */
  void handle(DynamoDbChange<T> change, LambdaContext context) throws Exception;
}
