package dev.lambdaguice.handlers.sqs;

import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * Handles one record of an SQS batch. Bind it with {@link SqsHandlers#bind}; the batch handler around it reads each
 * record's body as {@code T}, calls this once per record, and answers Lambda with a partial batch response listing
 * the records that failed.
 *
 * <p>The body type {@code T} is read from the implementing class, so implement this interface with a concrete type:
 * <ul>
 *   <li>{@code String}: the body as sent;
 *   <li>{@code JsonElement} (or {@code JsonObject}, {@code JsonArray}): the body parsed as JSON;
 *   <li>anything else (a record, a POJO, {@code List<Foo>}, ...): read from the body JSON by the injector's
 *       {@link com.google.gson.Gson}.
 * </ul>
 * A record whose body does not fit {@code T} (or that has no body) fails without reaching this handler.
 *
 * <p>Return normally to mark the record done; throw to mark it failed (Lambda then leaves it in the queue, to be
 * delivered again). Throwing affects only this record, except for an {@link Error}, which fails the whole
 * invocation and ends the process. With {@link SqsBindingBuilder#parallelism} above 1 this method is called from
 * several threads at once.
 *
 * @param <T> the body type
 */
@FunctionalInterface
public interface SqsRecordHandler<T> {

  /**
   * Handles one record.
   *
   * @param body the record's body, read as {@code T}
   * @param message the whole record: message id, attributes, message attributes, queue ARN, ...
   * @param context the invocation the batch arrived in
   */
  void handle(T body, SqsMessage message, LambdaContext context) throws Exception;
}
