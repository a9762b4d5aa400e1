package dev.lambdaguice.runtime.api;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

  static RuntimeException thrownAtDepth(int depth) {
    if (depth <= 1) {
      return new IllegalStateException("deep");
    }
    return thrownAtDepth(depth - 1);
  }

  static StackTraceElement[] frames(String prefix, int n) {
    StackTraceElement[] frames = new StackTraceElement[n];
    for (int i = 0; i < n; i++) {
      frames[i] = new StackTraceElement("com.example." + prefix, "m" + i, prefix + ".java", i + 1);
    }
    return frames;
  }

  static <T extends Throwable> T withFrames(T t, StackTraceElement[] frames) {
    t.setStackTrace(frames);
    return t;
  }

  static List<String> strings(StackTraceElement[] frames) {
    return Arrays.stream(frames).map(StackTraceElement::toString).toList();
  }

  @Test
  void ofThrowableTakesClassNameMessageAndFrames() {
    IllegalArgumentException t = new IllegalArgumentException("the input was bad");

    ErrorReport report = ErrorReport.of(t);

    assertEquals("java.lang.IllegalArgumentException", report.errorType());
    assertEquals("the input was bad", report.errorMessage());
    assertEquals(strings(t.getStackTrace()), report.stackTrace());
    assertTrue(report.stackTrace().get(0).contains("ofThrowableTakesClassNameMessageAndFrames"),
        report.stackTrace().get(0));
  }

  @Test
  void nestedClassNameIsTheBinaryName() {
    class LocalFailure extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }

    assertEquals(LocalFailure.class.getName(), ErrorReport.of(new LocalFailure()).errorType());
    assertTrue(ErrorReport.of(new LocalFailure()).errorType().contains("$"));
  }

  @Test
  void nullMessageFallsBackToToString() {
    ErrorReport plain = ErrorReport.of(new IllegalStateException());
    assertEquals("java.lang.IllegalStateException", plain.errorMessage());

    Throwable custom = new RuntimeException() {
      private static final long serialVersionUID = 1L;

      @Override
      public String toString() {
        return "custom description";
      }
    };
    assertEquals("custom description", ErrorReport.of(custom).errorMessage());
  }

  @Test
  void emptyMessageIsKept() {
    assertEquals("", ErrorReport.of(new RuntimeException("")).errorMessage());
  }

  @Test
  void causesFollowWithCausedByLines() {
    IOException root = withFrames(new IOException("disk"), frames("Root", 2));
    UncheckedIOException middle = withFrames(new UncheckedIOException("wrapped", root), frames("Middle", 3));
    RuntimeException top = withFrames(new RuntimeException("top", middle), frames("Top", 1));

    List<String> lines = ErrorReport.of(top).stackTrace();

    List<String> expected = new ArrayList<>();
    expected.addAll(strings(top.getStackTrace()));
    expected.add("Caused by: java.io.UncheckedIOException: wrapped");
    expected.addAll(strings(middle.getStackTrace()));
    expected.add("Caused by: java.io.IOException: disk");
    expected.addAll(strings(root.getStackTrace()));
    assertEquals(expected, lines);
  }

  @Test
  void deepTraceIsCutAtMaxFramesWithEllipsis() {
    RuntimeException deep = thrownAtDepth(5000);
    assertTrue(deep.getStackTrace().length > ErrorReport.MAX_FRAMES, "test premise");

    List<String> lines = ErrorReport.of(deep).stackTrace();

    assertEquals(ErrorReport.MAX_FRAMES + 1, lines.size());
    assertEquals("...", lines.get(lines.size() - 1));
    assertEquals(strings(deep.getStackTrace()).subList(0, ErrorReport.MAX_FRAMES),
        lines.subList(0, ErrorReport.MAX_FRAMES));
  }

  @Test
  void exactlyMaxFramesIsNotCut() {
    RuntimeException t = withFrames(new RuntimeException("x"), frames("Exact", ErrorReport.MAX_FRAMES));

    List<String> lines = ErrorReport.of(t).stackTrace();

    assertEquals(ErrorReport.MAX_FRAMES, lines.size());
    assertFalse(lines.contains("..."));
  }

  @Test
  void oneFrameOverMaxFramesIsCut() {
    RuntimeException t = withFrames(new RuntimeException("x"), frames("Over", ErrorReport.MAX_FRAMES + 1));

    List<String> lines = ErrorReport.of(t).stackTrace();

    assertEquals(ErrorReport.MAX_FRAMES + 1, lines.size());
    assertEquals("...", lines.get(ErrorReport.MAX_FRAMES));
    assertEquals(strings(t.getStackTrace()).subList(0, ErrorReport.MAX_FRAMES),
        lines.subList(0, ErrorReport.MAX_FRAMES));
  }

  @Test
  void cutCountsCausedByLinesAndFramesOfCauses() {
    RuntimeException cause = withFrames(new RuntimeException("cause"), frames("Cause", 150));
    RuntimeException top = withFrames(new RuntimeException("top", cause), frames("Top", 150));

    List<String> lines = ErrorReport.of(top).stackTrace();

    assertEquals(ErrorReport.MAX_FRAMES + 1, lines.size());
    assertEquals("Caused by: java.lang.RuntimeException: cause", lines.get(150));
    assertEquals("...", lines.get(lines.size() - 1));
  }

  @Test
  void causesWithoutFramesDoNotGrowPastTheCut() {
    RuntimeException chain = withFrames(new RuntimeException("c0"), new StackTraceElement[0]);
    for (int i = 1; i < 12; i++) {
      chain = withFrames(new RuntimeException("c" + i, chain), new StackTraceElement[0]);
    }
    RuntimeException top = withFrames(new RuntimeException("top", chain), frames("Top", ErrorReport.MAX_FRAMES));

    List<String> lines = ErrorReport.of(top).stackTrace();

    assertEquals(ErrorReport.MAX_FRAMES + 1, lines.size(),
        () -> lines.subList(ErrorReport.MAX_FRAMES, lines.size()).toString());
    assertEquals("...", lines.get(ErrorReport.MAX_FRAMES));
  }

  @Test
  void causeCycleIsReportedOnceAndStops() {
    RuntimeException a = withFrames(new RuntimeException("a"), frames("A", 1));
    RuntimeException b = withFrames(new RuntimeException("b", a), frames("B", 1));
    a.initCause(b); // a -> b -> a -> ...

    List<String> lines = ErrorReport.of(a).stackTrace();

    assertEquals(List.of(
        "com.example.A.m0(A.java:1)",
        "Caused by: java.lang.RuntimeException: b",
        "com.example.B.m0(B.java:1)",
        "Caused by: [CIRCULAR REFERENCE: java.lang.RuntimeException: a]"), lines);
  }

  @Test
  void cycleBackToACauseIsReportedToo() {
    RuntimeException c = withFrames(new RuntimeException("c"), frames("C", 1));
    RuntimeException b = withFrames(new RuntimeException("b", c), frames("B", 1));
    RuntimeException a = withFrames(new RuntimeException("a", b), frames("A", 1));
    c.initCause(b); // a -> b -> c -> b -> ...

    List<String> lines = ErrorReport.of(a).stackTrace();

    assertEquals(6, lines.size(), lines.toString());
    assertEquals("Caused by: [CIRCULAR REFERENCE: java.lang.RuntimeException: b]", lines.get(5));
  }

  @Test
  void longCauseChainsAreBounded() {
    RuntimeException chain = withFrames(new RuntimeException("c0"), frames("C", 1));
    for (int i = 1; i < 100; i++) {
      chain = withFrames(new RuntimeException("c" + i, chain), frames("C", 1));
    }

    List<String> lines = ErrorReport.of(chain).stackTrace();

    long causedBy = lines.stream().filter(l -> l.startsWith("Caused by: ")).count();
    assertTrue(causedBy > 0 && causedBy < 100, "caused-by lines: " + causedBy);
    assertTrue(lines.size() <= ErrorReport.MAX_FRAMES + 1);
  }

  @Test
  void compactConstructorNormalisesNulls() {
    ErrorReport report = new ErrorReport(null, null, null);

    assertEquals("Runtime.Unknown", report.errorType());
    assertEquals("", report.errorMessage());
    assertEquals(List.of(), report.stackTrace());
  }

  @Test
  void nullFramesInTheListBecomeEmptyStrings() {
    ErrorReport report = new ErrorReport("E", "m", Arrays.asList("a", null, "c"));

    assertEquals(List.of("a", "", "c"), report.stackTrace());
  }

  @Test
  void stackTraceIsAnImmutableCopy() {
    List<String> frames = new ArrayList<>(List.of("f1", "f2"));
    ErrorReport report = new ErrorReport("E", "m", frames);

    frames.add("f3");

    assertEquals(List.of("f1", "f2"), report.stackTrace());
    assertThrows(UnsupportedOperationException.class, () -> report.stackTrace().add("x"));
  }

  @Test
  void ofTypeAndMessageHasNoFrames() {
    ErrorReport report = ErrorReport.of("Runtime.NoSuchHandler", "no handler");

    assertEquals("Runtime.NoSuchHandler", report.errorType());
    assertEquals("no handler", report.errorMessage());
    assertTrue(report.stackTrace().isEmpty());
    assertEquals("Runtime.Unknown", ErrorReport.of(null, null).errorType());
  }
}
