package dev.lambdaguice.handlers.sns;

/** The event is not an SNS event: no records, or a record without its {@code Sns} notification. */
public final class InvalidSnsEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidSnsEventException(String message) {
    super(message);
  }
}
