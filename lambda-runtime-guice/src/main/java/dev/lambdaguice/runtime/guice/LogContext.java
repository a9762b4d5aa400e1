package dev.lambdaguice.runtime.guice;

/** The request id of the invocation being served, for log lines. Set by the loop, read by the formatter. */
final class LogContext {

  private volatile String requestId;

  String requestId() {
    return requestId;
  }

  void requestId(String requestId) {
    this.requestId = requestId;
  }
}
