package dev.lambdaguice.handlers.sqs;

import dev.lambdaguice.runtime.guice.InvalidEventException;

/**
 * The event is not an SQS batch (not a JSON object, no {@code Records} array, a record without a {@code messageId}, a
 * malformed record). It fails the whole invocation with {@code Runtime.InvalidEvent}, so Lambda retries the whole
 * batch. The message says what is wrong and where, never what the event contains.
 */
public final class InvalidSqsEventException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  public InvalidSqsEventException(String message) {
    super(message);
  }
}
