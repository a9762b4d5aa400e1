package dev.lambdaguice.handlers.kinesis;

import dev.lambdaguice.runtime.guice.InvalidEventException;

/**
 * The event is not a Kinesis batch (not a JSON object, no {@code Records} array, a record without its {@code kinesis}
 * object, sequence number or data, a record of another service). It fails the whole invocation, so Lambda retries the
 * whole batch. The message says what is wrong and where, never what the event contains.
 */
public final class InvalidKinesisEventException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  public InvalidKinesisEventException(String message) {
    super(message);
  }
}
