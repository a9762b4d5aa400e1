package dev.lambdaguice.runtime.guice;

/**
 * The event is not one the handler can serve: it does not fit the handler's event type (thrown by the runtime before
 * the handler is called), or a handler found it is not of the shape it serves (an SQS handler given an event that
 * is not an SQS batch). The invocation fails with {@code Runtime.InvalidEvent} as error type, the message as error
 * message, and the runtime serves the next invocation.
 *
 * <p>The message goes to the caller and to the log: name what is wrong and where ({@code "record 3 has no
 * messageId"}), never quote the event's values, which may be personal data.
 */
public class InvalidEventException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An invalid event described by {@code message}. */
  public InvalidEventException(String message) {
    super(message);
  }

  /** An invalid event described by {@code message}, found through {@code cause}. */
  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
