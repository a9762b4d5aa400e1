package dev.lambdaguice.handlers.sqs;

/** A record's body does not fit the record handler's body type. Its message never quotes the body. */
final class UnreadableBodyException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableBodyException(String message) {
    super(message, null, false, false);
  }
}
