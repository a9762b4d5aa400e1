package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.e2e.fixtures.E2eModule;
import dev.lambdaguice.runtime.local.InProcessRuntime;
import dev.lambdaguice.runtime.local.LocalLambda;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A runtime that LocalLambda stops on purpose says so at INFO; nothing is reported as a platform failure. */
class StopOnPurposeTest {

  @Test
  void closingTheLocalLambdaStopsAWaitingRuntimeQuietly() throws Exception {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        records.add(record);
      }

      @Override public void flush() {}

      @Override public void close() {}
    };
    Logger root = Logger.getLogger("");
    InProcessRuntime runtime;
    try (LocalLambda lambda = LocalLambda.start()) {
      runtime = lambda.inProcess().modules(E2eModule.class).handler("reverse").start();
      assertFalse(lambda.invoke("abc").error()); // the runtime is up and back in /next
      root.addHandler(capture); // after the runtime installed its own handler on the root logger
    }
    try {
      assertEquals(2, runtime.exitCode().get(30, TimeUnit.SECONDS));
    } finally {
      root.removeHandler(capture);
    }
    assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
        () -> "warnings or errors logged: " + records.stream().map(LogRecord::getMessage).toList());
    // during /next, or during /response when the runtime was still reading the platform's 202 for the answer
    assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.INFO
        && r.getMessage().matches("The runtime thread was interrupted during /(next|response); the runtime stops")),
        () -> "no INFO line: " + records.stream().map(LogRecord::getMessage).toList());
  }
}
