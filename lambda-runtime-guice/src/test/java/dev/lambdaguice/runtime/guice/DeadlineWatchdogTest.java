package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineWatchdogTest {

  private final InvocationScope scope = new InvocationScope(false);
  private final Logger log = Logger.getLogger("test.watchdog." + System.nanoTime());
  private final BlockingQueue<String> warnings = new LinkedBlockingQueue<>();

  DeadlineWatchdogTest() {
    log.setUseParentHandlers(false);
    log.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel() == Level.WARNING) {
          warnings.add(scope.requestId() + "|" + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  @AfterEach
  void exit() {
    scope.exit();
  }

  @Test
  void invocationsThatEndWellBeforeTheirDeadlineWakeTheWatchdogAtMostOnce() throws Exception {
    DeadlineWatchdog watchdog = DeadlineWatchdog.start(300, "quick", scope, log);
    DeadlineWatchdog.Watch watch = watchdog.watch();
    for (int i = 0; i < 10_000; i++) {
      ActiveInvocation invocation = scope.enter("r-" + i);
      watch.started(invocation, System.currentTimeMillis() + 60_000);
      watch.ended();
      scope.exit();
    }
    Thread.sleep(200); // let the watchdog settle into its sleep
    assertTrue(watchdog.wakeUps() <= 2, "the first invocation wakes it once (plus a spurious wake-up at most), "
        + "not each invocation: " + watchdog.wakeUps());
    assertNull(warnings.poll(), "no warning for invocations that ended");
  }

  @Test
  void anInvocationStillRunningAtTheMarginIsReportedOnceWithItsStack() throws Exception {
    DeadlineWatchdog watchdog = DeadlineWatchdog.start(300, "slow", scope, log);
    DeadlineWatchdog.Watch watch = watchdog.watch();
    ActiveInvocation invocation = scope.enter("r-slow");
    watch.started(invocation, System.currentTimeMillis() + 500);
    String warning = sleepUntilWarned();
    watch.ended();
    assertNotNull(warning, "warned before the deadline");
    assertTrue(warning.startsWith("r-slow|Invocation r-slow of handler 'slow' is still running after "), warning);
    assertTrue(warning.contains(" ms, 300 ms before its deadline; thread " + Thread.currentThread().getName()
        + " is at:\n\tat "), warning);
    assertTrue(warning.contains("java.lang.Thread.sleep("), warning);
    assertTrue(warning.contains("DeadlineWatchdogTest.sleepUntilWarned"), warning);
    assertNull(warnings.poll(1, TimeUnit.SECONDS), "one warning per invocation");
  }

  private String sleepUntilWarned() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Thread.sleep(100);
      if (!warnings.isEmpty()) {
        return warnings.poll();
      }
    }
    return null;
  }

  @Test
  void theMarginComesFromTheEnvironment() {
    assertEquals(300, DeadlineWatchdog.margin(Map.of()));
    assertEquals(1500, DeadlineWatchdog.margin(Map.of(DeadlineWatchdog.MARGIN_VARIABLE, " 1500 ")));
    assertEquals(0, DeadlineWatchdog.margin(Map.of(DeadlineWatchdog.MARGIN_VARIABLE, "0")));
    assertNull(DeadlineWatchdog.start(0, "off", scope, log), "0 turns it off");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> DeadlineWatchdog.margin(Map.of(DeadlineWatchdog.MARGIN_VARIABLE, "-5")));
    assertEquals("LAMBDA_GUICE_DEADLINE_WARNING_MS must be a whole number of milliseconds (0 turns the warning"
        + " off), got '-5'", error.getMessage());
  }
}
