package dev.lambdaguice.handlers.dynamodb;

import dev.lambdaguice.runtime.guice.InvalidEventException;

/**
 * The event is not a DynamoDB Streams batch (not a JSON object, no {@code Records} array, a record without its {@code
 * dynamodb} object or sequence number, an unknown event name, an attribute value that is not one, a record of another
 * service). It fails the whole invocation with {@code Runtime.InvalidEvent}, so Lambda retries the whole batch. The
 * message says what is wrong and where, never what the event contains.
 */
public final class InvalidDynamoDbEventException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  public InvalidDynamoDbEventException(String message) {
    super(message);
  }
}
