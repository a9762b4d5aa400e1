package dev.lambdaguice.http.client;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** One call's deadline: the scheduled cancel, whether it fired, and the message to give when it did. */
final class Deadline {

  private final ScheduledFuture<?> cancel;
  private final AtomicBoolean expired;
  private final Supplier<String> message;

  Deadline(ScheduledFuture<?> cancel, AtomicBoolean expired, Supplier<String> message) {
    this.cancel = cancel;
    this.expired = expired;
    this.message = message;
  }

  /** The call ended: the cancel is not needed any more. */
  void end() {
    cancel.cancel(false);
  }

  /** The call failed with {@code e}: a {@link DeadlineExceededException} if the deadline cancelled it, else e. */
  IOException end(IOException e) {
    end();
    if (!expired.get()) {
      return e;
    }
    DeadlineExceededException exceeded = new DeadlineExceededException(message.get());
    exceeded.initCause(e);
    return exceeded;
  }
}
