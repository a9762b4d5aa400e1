package dev.lambdaguice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What a test class using the kit prints, run through the JUnit launcher: a passing test's log lines stay quiet, a
 * failing test's are printed; afterwards the root logger has its handlers back.
 */
class FailedTestLogsTest {

  /** Run only by the tests below (surefire does not run nested classes). */
  @LambdaTest(modules = GreetingModule.class)
  static class Sample {
    @Test
    void passes(LambdaClient lambda) {
      lambda.invoke("greet", Map.of("name", "Quiet")).assertSuccess();
      Logger.getLogger("sample").warning("a warning the test expected");
    }

    @Test
    void fails(LambdaClient lambda) {
      lambda.invoke("greet", Map.of("name", "Loud")).assertSuccess();
      throw new AssertionError("the sample fails on purpose");
    }
  }

  /** Run only by the tests below. */
  @CaptureLogs
  static class CaptureSample {
    @Test
    void passes() {
      Logger.getLogger("sample").severe("severe but expected");
    }

    @Test
    void fails() {
      Logger.getLogger("sample").severe("severe and the test fails");
      throw new AssertionError("the sample fails on purpose");
    }
  }

  @Test
  void lambdaTestPrintsOnlyTheFailedTestsLines() {
    Handler[] before = Logger.getLogger("").getHandlers();
    Run run = run(Sample.class);
    assertEquals(1, run.summary().getTestsSucceededCount());
    assertEquals(1, run.summary().getTestsFailedCount());
    assertTrue(run.output().contains("log line(s) of the failed test fails(LambdaClient)"), run.output());
    assertTrue(run.output().contains("greeting Loud"), run.output());
    assertFalse(run.output().contains("greeting Quiet"), run.output());
    assertFalse(run.output().contains("a warning the test expected"), run.output());
    assertEquals(Arrays.asList(before), Arrays.asList(Logger.getLogger("").getHandlers()),
        "the root logger has its handlers back");
  }

  @Test
  void captureLogsPrintsOnlyTheFailedTestsLines() {
    Handler[] before = Logger.getLogger("").getHandlers();
    Run run = run(CaptureSample.class);
    assertEquals(1, run.summary().getTestsFailedCount());
    assertTrue(run.output().contains("severe and the test fails"), run.output());
    assertFalse(run.output().contains("severe but expected"), run.output());
    assertEquals(Arrays.asList(before), Arrays.asList(Logger.getLogger("").getHandlers()));
  }

  private record Run(TestExecutionSummary summary, String output) {}

  private static Run run(Class<?> testClass) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Run(listener.getSummary(), bytes.toString(StandardCharsets.UTF_8));
  }
}
