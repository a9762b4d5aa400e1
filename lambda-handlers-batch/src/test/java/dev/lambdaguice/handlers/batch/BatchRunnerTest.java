package dev.lambdaguice.handlers.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The batch core's record runner, on records named {@code <group>-<n>[-fail|-error|-interrupt|-check]}. */
class BatchRunnerTest {

  private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
  private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
  private final Logger log = logger();

  /** A logger of its own, printing nothing: what it gets goes to {@link #logged}. */
  private Logger logger() {
    Logger logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    return logger;
  }

  private BatchRunner<String> runner(boolean logEachSkipped, ParallelRunner parallel) {
    return new BatchRunner<>(log, "k", record -> "record " + record, "group", logEachSkipped, parallel);
  }

  private void call(String record) throws Exception {
    handled.add(record);
    if (record.endsWith("-fail")) {
      throw new IllegalStateException("scripted");
    } else if (record.endsWith("-unreadable")) {
      throw new UnreadableDataException("its data", "does not fit Thing");
    } else if (record.endsWith("-error")) {
      throw new AssertionError("scripted error");
    } else if (record.endsWith("-interrupt")) {
      Thread.currentThread().interrupt();
    } else if (record.endsWith("-check") && Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("interrupted on arrival");
    }
  }

  private static String group(String record) {
    return record.substring(0, record.indexOf('-'));
  }

  @Test
  void independentRecordsAllRunAndEveryFailureIsItsOwn() {
    BatchOutcome<String> outcome = runner(true, null).runEach(List.of("a-1", "a-2-fail", "a-3", "a-4-unreadable"),
        this::call);
    assertEquals(List.of("a-1", "a-2-fail", "a-3", "a-4-unreadable"), handled);
    assertEquals(List.of("a-2-fail", "a-4-unreadable"), outcome.failedRecords());
    assertEquals(outcome.failedRecords(), outcome.firstFailures());
    assertEquals(List.of("WARNING record a-2-fail failed in handler 'k': java.lang.IllegalStateException: scripted",
        "WARNING record a-4-unreadable failed in handler 'k': its data does not fit Thing"), logged);
  }

  @Test
  void inGroupsAFailureSkipsTheRestOfItsGroupOnly() {
    List<String> records = List.of("a-1", "b-1", "a-2-fail", "b-2", "a-3", "b-3-fail", "a-4", "c-1");
    BatchOutcome<String> outcome = runner(true, null).runInGroups(records, BatchRunnerTest::group, this::call);
    assertEquals(List.of("a-1", "b-1", "a-2-fail", "b-2", "b-3-fail", "c-1"), handled);
    assertEquals(List.of("a-2-fail", "a-3", "b-3-fail", "a-4"), outcome.failedRecords());
    assertEquals(List.of("a-2-fail", "b-3-fail"), outcome.firstFailures());
    assertTrue(logged.contains("WARNING record a-3 not handled by handler 'k': an earlier record of its group"
        + " failed"), logged.toString());
  }

  @Test
  void withoutALinePerSkippedRecordEachStoppedGroupGetsOneLineWithItsCount() {
    List<String> records = List.of("a-1-fail", "a-2", "a-3", "b-1-fail");
    runner(false, null).runInGroups(records, BatchRunnerTest::group, this::call);
    assertEquals(List.of("WARNING record a-1-fail failed in handler 'k': java.lang.IllegalStateException: scripted",
        "WARNING record b-1-fail failed in handler 'k': java.lang.IllegalStateException: scripted",
        "WARNING record a-1-fail stopped its group in handler 'k': 2 later records were not handled; Lambda retries"
            + " from this record"), logged);
  }

  @Test
  void groupsRunInParallelKeepTheSameOutcome() {
    ParallelRunner parallel = new ParallelRunner("batch-test", 3);
    List<String> records = List.of("a-1", "b-1", "a-2-fail", "b-2", "a-3", "c-1-fail", "c-2", "b-3");
    BatchOutcome<String> outcome = runner(true, parallel).runInGroups(records, BatchRunnerTest::group, this::call);
    assertEquals(List.of("a-2-fail", "a-3", "c-1-fail", "c-2"), outcome.failedRecords());
    assertEquals(List.of("a-2-fail", "c-1-fail"), outcome.firstFailures());
    assertEquals(6, handled.size());
  }

  @Test
  void anErrorPropagatesAtOnce() {
    assertThrows(AssertionError.class,
        () -> runner(true, null).runInGroups(List.of("a-1", "a-2-error", "b-1"), BatchRunnerTest::group,
            this::call));
    assertEquals(List.of("a-1", "a-2-error"), handled);
    assertThrows(AssertionError.class, () -> runner(true, new ParallelRunner("batch-test", 2))
        .runEach(List.of("a-1-error", "a-2"), this::call));
  }

  @Test
  void anInterruptDoesNotReachTheNextRecord() {
    BatchOutcome<String> outcome = runner(true, null).runEach(List.of("a-1-interrupt", "a-2-check"), this::call);
    assertTrue(outcome.success());
    assertEquals(false, Thread.currentThread().isInterrupted());
  }

  @Test
  void anEmptyBatchSucceeds() {
    assertTrue(runner(false, null).runInGroups(List.of(), BatchRunnerTest::group, this::call).success());
    assertEquals(List.of(), logged);
  }
}
