package dev.lambdaguice.handlers.sns;

import dev.lambdaguice.runtime.guice.InvalidEventException;

/**
 * The event is not an SNS event: no records, or a record without its {@code Sns} notification. The invocation fails
 * with {@code Runtime.InvalidEvent} and this message.
 */
public final class InvalidSnsEventException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  InvalidSnsEventException(String message) {
    super(message);
  }
}
