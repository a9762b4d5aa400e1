package dev.lambdaguice.handlers.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The changes the test record handlers were called with, per invocation (request id): how a test sees inside a
 * runtime it started in-process. Keyed by request id so that tests do not see each other's calls.
 */
final class Journal {

  private static final Map<String, List<DynamoDbChange<?>>> CHANGES = new ConcurrentHashMap<>();

  private Journal() {}

  static void add(String requestId, DynamoDbChange<?> change) {
    List<DynamoDbChange<?>> changes = CHANGES.computeIfAbsent(requestId, id -> new ArrayList<>());
    synchronized (changes) {
      changes.add(change);
    }
  }

  static List<DynamoDbChange<?>> changes(String requestId) {
    List<DynamoDbChange<?>> changes = CHANGES.getOrDefault(requestId, List.of());
    synchronized (changes) {
      return List.copyOf(changes);
    }
  }

  static List<String> sequenceNumbers(String requestId) {
    return changes(requestId).stream().map(DynamoDbChange::sequenceNumber).toList();
  }
}
