package dev.lambdaguice.runtime.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The JSON body of {@code /error} and {@code /init/error}:
 * {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}.
 *
 * @param errorType what went wrong, for example an exception's class name or {@code Runtime.NoSuchHandler}
 * @param errorMessage a message a person can act on
 * @param stackTrace one string per frame, outermost cause first; may be empty
 */
public record ErrorReport(String errorType, String errorMessage, List<String> stackTrace) {

  /** Most frames kept from one throwable chain; deeper traces are cut with a final "..." line. */
  static final int MAX_FRAMES = 200;

  public ErrorReport {
    errorType = errorType == null ? "Runtime.Unknown" : errorType;
    errorMessage = errorMessage == null ? "" : errorMessage;
    // List.copyOf throws on null elements; reporting an error must not fail on a sloppy frame list
    stackTrace = stackTrace == null ? List.of() : stackTrace.stream().map(s -> s == null ? "" : s).toList();
  }

  /** A report with no stack trace, for errors the runtime itself detects. */
  public static ErrorReport of(String errorType, String errorMessage) {
    return new ErrorReport(errorType, errorMessage, List.of());
  }

  /**
   * A report for a throwable: its class name, its message, and the frames of it and its causes
   * ({@code Caused by: ...} lines separate the causes).
   */
  public static ErrorReport of(Throwable t) {
    String message = t.getMessage() != null ? t.getMessage() : t.toString();
    return new ErrorReport(t.getClass().getName(), message, frames(t));
  }

  static List<String> frames(Throwable t) {
    List<String> lines = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(t);
    Throwable current = t;
    int depth = 0;
    while (current != null && depth++ < 16) {
      if (depth > 1) { // a cause
        if (lines.size() >= MAX_FRAMES) { // causes without frames must not grow the list past the cap either
          lines.add("...");
          return lines;
        }
        if (!seen.add(current)) { // a cause cycle: say so once, as Throwable.printStackTrace does, and stop
          lines.add("Caused by: [CIRCULAR REFERENCE: " + current + "]");
          return lines;
        }
        lines.add("Caused by: " + current);
      }
      for (StackTraceElement frame : current.getStackTrace()) {
        if (lines.size() >= MAX_FRAMES) {
          lines.add("...");
          return lines;
        }
        lines.add(frame.toString());
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return lines;
  }
}
