package dev.lambdaguice.handlers.sqs;

import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * A text record handler that does what the body starts with: {@code fail} throws an IllegalStateException,
 * {@code error} throws an OutOfMemoryError, {@code interrupt} leaves its thread interrupted, {@code hostile} throws
 * an exception whose message cannot be read, {@code check-interrupt} fails if its thread is interrupted,
 * {@code barrier} waits until {@link Barriers#PARTIES} records of the invocation wait there at the same time (and
 * fails after a while); anything
 * else succeeds. Exception messages never quote the body. Every call goes to the {@link Journal}.
 */
public final class ScriptedHandler implements SqsRecordHandler<String> {

  /** An exception that fails when it is reported. */
  static final class HostileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("no message for you");
    }
  }

  @Override
  public void handle(String body, SqsMessage message, LambdaContext context) throws InterruptedException {
    Journal.add(message, context.requestId());
    if (body.startsWith("barrier")) {
      Barriers.await(context.requestId());
    }
    act(body);
  }

  static void act(String body) {
    if (body.startsWith("fail")) {
      throw new IllegalStateException("scripted failure");
    } else if (body.startsWith("error")) {
      throw new OutOfMemoryError("scripted error");
    } else if (body.startsWith("interrupt")) {
      Thread.currentThread().interrupt();
    } else if (body.startsWith("hostile")) {
      throw new HostileException();
    } else if (body.startsWith("check-interrupt") && Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("interrupted on arrival");
    }
  }
}
