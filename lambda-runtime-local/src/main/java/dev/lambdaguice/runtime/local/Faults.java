package dev.lambdaguice.runtime.local;

import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults waiting for the next calls of each endpoint, first in first out. */
final class Faults {
  private final Map<Endpoint, Queue<Fault>> pending = new EnumMap<>(Endpoint.class);

  Faults() {
    for (Endpoint endpoint : Endpoint.values()) {
      pending.put(endpoint, new ConcurrentLinkedQueue<>());
    }
  }

  void add(Endpoint endpoint, Fault fault, int times) {
    for (int i = 0; i < times; i++) {
      pending.get(endpoint).add(fault);
    }
  }

  /** The fault for this call of {@code endpoint}, or null. */
  Fault next(Endpoint endpoint) {
    return pending.get(endpoint).poll();
  }

  void clear() {
    pending.values().forEach(Queue::clear);
  }
}
