package dev.lambdaguice.handlers.servicecall;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fixture: every method of the fixture services records itself here as {@code Class.method}, so tests can check
 * that only callable methods ever ran. Exposed too, so a test can read it through the real runtime.
 */
@Singleton
public final class Invocations {

  private final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();

  /** Package-private, so it is not callable: a service call cannot forge an entry. */
  void record(String call) {
    calls.add(call);
  }

  public List<String> list() {
    return List.copyOf(calls);
  }
}
