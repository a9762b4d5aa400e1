package dev.lambdaguice.handlers.servicecall;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fixture: what must never happen, recorded by code that has no instance to record on (static initializers and
 * static methods). The only static mutable state of the tests.
 */
public final class Tripwires {

  private static final ConcurrentLinkedQueue<String> TRIPPED = new ConcurrentLinkedQueue<>();

  private Tripwires() {}

  static void trip(String what) {
    TRIPPED.add(what);
  }

  static List<String> tripped() {
    return List.copyOf(TRIPPED);
  }
}
