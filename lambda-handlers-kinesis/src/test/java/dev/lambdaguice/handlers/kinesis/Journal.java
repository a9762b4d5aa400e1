package dev.lambdaguice.handlers.kinesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the test record handlers were called with, per invocation (request id): how a test sees inside a runtime it
 * started in-process. Keyed by request id so that tests do not see each other's calls.
 */
final class Journal {

  /** One call: the record and the data the handler got. */
  record Call(KinesisRecord record, Object data) {}

  private static final Map<String, List<Call>> CALLS = new ConcurrentHashMap<>();

  private Journal() {}

  static void add(String requestId, KinesisRecord record, Object data) {
    List<Call> calls = CALLS.computeIfAbsent(requestId, id -> new ArrayList<>());
    synchronized (calls) {
      calls.add(new Call(record, data));
    }
  }

  static List<Call> calls(String requestId) {
    List<Call> calls = CALLS.getOrDefault(requestId, List.of());
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The sequence numbers handled in the invocation, in the order they were handled. */
  static List<String> sequenceNumbers(String requestId) {
    return calls(requestId).stream().map(call -> call.record().sequenceNumber()).toList();
  }
}
