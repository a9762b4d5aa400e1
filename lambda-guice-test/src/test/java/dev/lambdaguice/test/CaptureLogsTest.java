package dev.lambdaguice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@code @CaptureLogs} alone: the records of code called directly. */
@CaptureLogs
class CaptureLogsTest {

  private static final Logger LOG = Logger.getLogger(CaptureLogsTest.class.getName());

  @Test
  void keepsWhatTheTestLogged(CapturedLogs logs) {
    LOG.warning("expected trouble");
    LOG.fine("below the level: not kept");
    assertEquals(1, logs.containing("expected trouble").size(), logs.lines().toString());
    assertTrue(logs.lines().get(0).startsWith("WARNING " + CaptureLogsTest.class.getName()), logs.lines().toString());
    assertTrue(logs.containing("below the level").isEmpty());
  }
}
