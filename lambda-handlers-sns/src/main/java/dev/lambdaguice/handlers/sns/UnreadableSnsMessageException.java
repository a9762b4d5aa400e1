package dev.lambdaguice.handlers.sns;

/** A notification's message does not fit the handler's message type; the message names it, never its text. */
public final class UnreadableSnsMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableSnsMessageException(String message) {
    super(message);
  }
}
