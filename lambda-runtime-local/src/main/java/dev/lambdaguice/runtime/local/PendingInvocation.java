package dev.lambdaguice.runtime.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** One invocation from submission until its result: queued, then handed to a runtime, then answered. */
final class PendingInvocation {
  final String requestId;
  final byte[] event;
  final InvokeOptions options;
  final String traceId;
  final CompletableFuture<InvokeResult> result = new CompletableFuture<>();
  final long submittedNanos = System.nanoTime();

  /** For an invoker that reads the response as it streams; null for one that waits for the whole result. */
  final ResponsePipe pipe;

  /** The runtime is streaming its response; guarded by the {@link Invocations} lock. */
  boolean streaming;

  /** Epoch milliseconds; set when handed out, guarded by the {@link Invocations} lock. */
  long deadlineMs;

  /** Answers with the timeout at the deadline; set when handed out, guarded by the {@link Invocations} lock. */
  Future<?> deadlineTask;

  PendingInvocation(String requestId, byte[] event, InvokeOptions options, boolean streamed) {
    this.requestId = requestId;
    this.pipe = streamed ? new ResponsePipe() : null;
    if (pipe != null) {
      result.whenComplete(pipe::finish);
    }
    this.event = event;
    this.options = options;
    this.traceId = options.traceId() != null ? options.traceId() : Ids.traceId();
  }

  /** Cancels the deadline task, if the invocation was handed out. */
  void cancelDeadline() {
    Future<?> task = deadlineTask;
    if (task != null) {
      task.cancel(false);
    }
  }
}
