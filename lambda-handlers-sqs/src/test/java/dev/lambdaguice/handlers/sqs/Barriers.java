package dev.lambdaguice.handlers.sqs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A meeting point per invocation: records return from {@link #await} only once {@link #PARTIES} of them are in it
 * at the same time, which only handling records in parallel can achieve. Test-only shared state, keyed by request id.
 */
final class Barriers {

  static final int PARTIES = 4;
  private static final long WAIT_SECONDS = 10;
  private static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();

  private Barriers() {}

  static void await(String requestId) throws InterruptedException {
    CountDownLatch latch = LATCHES.computeIfAbsent(requestId, id -> new CountDownLatch(PARTIES));
    latch.countDown();
    if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the other records never came: they are not handled in parallel");
    }
  }
}
