package dev.lambdaguice.handlers.batch;

/**
 * Handles one record of a batch: reads its body or data and calls the record handler. Returning marks the record
 * done; an {@link UnreadableDataException} or any other exception marks it failed; an {@link Error} fails the whole
 * invocation.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface RecordCall<R> {

  void handle(R record) throws Exception;
}
