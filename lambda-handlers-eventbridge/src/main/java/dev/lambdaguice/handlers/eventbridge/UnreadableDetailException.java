package dev.lambdaguice.handlers.eventbridge;

/** An event's {@code detail} does not fit its route's type; the message names the event, never the detail. */
public final class UnreadableDetailException extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableDetailException(String message) {
    super(message);
  }
}
