package dev.lambdaguice.handlers.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the test record handlers were called with, per invocation (request id): how a test sees inside a runtime it
 * started in-process. Test-only shared state, keyed by request id so that tests do not see each other's calls.
 */
final class Journal {

  /** One call of a record handler. */
  record Call(String messageId, String receiptHandle, String group, String requestId, String thread) {}

  private static final Map<String, List<Call>> CALLS = new ConcurrentHashMap<>();

  private Journal() {}

  static void add(SqsMessage message, String requestId) {
    List<Call> calls = CALLS.computeIfAbsent(requestId, id -> new ArrayList<>());
    synchronized (calls) {
      calls.add(new Call(message.messageId(), message.receiptHandle(), message.messageGroupId(), requestId,
          Thread.currentThread().getName()));
    }
  }

  /** The calls made for the invocation {@code requestId}, in the order they were made. */
  static List<Call> calls(String requestId) {
    List<Call> calls = CALLS.getOrDefault(requestId, List.of());
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  static List<String> messageIds(String requestId) {
    return calls(requestId).stream().map(Call::messageId).toList();
  }
}
