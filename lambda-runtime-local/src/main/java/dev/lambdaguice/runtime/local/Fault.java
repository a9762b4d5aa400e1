package dev.lambdaguice.runtime.local;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong on one call of a Runtime API endpoint; see
 * {@link LocalLambda#inject(Endpoint, Fault, int)}. A {@link Status} or {@link Drop} fault replaces the call: the
 * server reads the request and does nothing with it, so an invocation whose {@code /response} was faulted is still
 * waiting for its answer.
 */
public sealed interface Fault permits Fault.Delay, Fault.Status, Fault.Drop {

  /** Waits before handling the call normally. */
  static Fault delay(Duration duration) {
    return new Delay(duration);
  }

  /**
   * Answers with this HTTP status and the platform's error JSON ({@code errorType} {@code InvalidRequestID} for 400,
   * {@code InvalidStateTransition} for 403, {@code Gone} for 410, {@code RequestEntityTooLarge} for 413,
   * {@code InternalServerError} for 500).
   */
  static Fault status(int code) {
    return new Status(code);
  }

  /** Closes the connection without answering. */
  static Fault drop() {
    return new Drop();
  }

  /** @param duration how long to wait; a pending delay ends when the server closes */
  record Delay(Duration duration) implements Fault {
    public Delay {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("negative delay: " + duration);
      }
    }
  }

  /** @param code the HTTP status to answer, 100 to 599 */
  record Status(int code) implements Fault {
    public Status {
      if (code < 100 || code > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + code);
      }
    }

    String errorType() {
      switch (code) {
        case 400: return "InvalidRequestID";
        case 403: return "InvalidStateTransition";
        case 410: return "Gone";
        case 413: return "RequestEntityTooLarge";
        case 500: return "InternalServerError";
        default: return "InjectedFault";
      }
    }
  }

  /** Closes the connection without answering. */
  record Drop() implements Fault {}
}
