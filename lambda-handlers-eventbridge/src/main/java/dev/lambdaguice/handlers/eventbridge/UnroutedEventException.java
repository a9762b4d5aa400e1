package dev.lambdaguice.handlers.eventbridge;

/** No route of the handler key matches the event's source and detail-type (or it is not an EventBridge event). */
public final class UnroutedEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnroutedEventException(String message) {
    super(message);
  }
}
