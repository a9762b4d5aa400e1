package dev.lambdaguice.runtime.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The runtime's requests, in arrival order, when recording is on. */
final class RequestLog {
  private final boolean enabled;
  private final List<RecordedRequest> requests = new ArrayList<>();

  RequestLog(boolean enabled) {
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  synchronized void add(RecordedRequest request) {
    requests.add(request);
    notifyAll();
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(requests);
  }

  synchronized void clear() {
    requests.clear();
  }

  /** The first recorded request, past or future, that matches; empty if none arrives in time. */
  synchronized Optional<RecordedRequest> await(Predicate<? super RecordedRequest> matcher, Duration timeout)
      throws InterruptedException {
    if (!enabled) {
      throw new IllegalStateException("request recording is off");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      if (checked > requests.size()) {
        checked = 0;
      }
      for (; checked < requests.size(); checked++) {
        if (matcher.test(requests.get(checked))) {
          return Optional.of(requests.get(checked));
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
