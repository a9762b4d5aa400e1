package dev.lambdaguice.runtime.guice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong reading JSON, in words a caller can act on: where ({@code $.items[2]}) and what
 * ({@code expected an int, got a boolean}). Gson's own messages carry advice for the programmer who configures a
 * {@code JsonReader} ({@code Use JsonReader.setStrictness(...)}), a link to its troubleshooting page, line and
 * column numbers, and sometimes the offending value; none of that belongs in an answer to a caller, and values are
 * never repeated (events may carry personal data). The runtime describes events that do not fit with it; event-source
 * modules describe bodies and messages the same way.
 *
 * @param path the JSON path of the problem, for example {@code $.items[2]}
 * @param problem what is wrong there, for example {@code expected a number, got a string}
 */
public record JsonProblem(String path, String problem) {

  private static final Pattern LOCATION = Pattern.compile(" at line \\d+ column \\d+ path (\\S*)");
  private static final Pattern EXPECTED_TOKEN =
      Pattern.compile("Expected (.+?) but was (BEGIN_OBJECT|END_OBJECT|BEGIN_ARRAY|END_ARRAY|STRING|NUMBER|BOOLEAN"
          + "|NULL|NAME|END_DOCUMENT)\\b");
  private static final Pattern EXPECTED_VALUE = Pattern.compile("Expected (an? \\w+) but was ");
  private static final Pattern EXPECTED_TYPE =
      Pattern.compile("Expected an? (?:[\\w$]+\\.)*([\\w$]+) but was (?:[\\w$]+\\.)*([\\w$]+); at path (\\S+)");

  /**
   * The problem {@code thrown} (by Gson or a {@code JsonReader}, or a {@link StackOverflowError} from nesting)
   * describes, at its path or else at {@code fallbackPath} (the reader's {@code getPath()} when it was thrown).
   */
  public static JsonProblem of(Throwable thrown, String fallbackPath) {
    Throwable reason = thrown;
    while (reason.getCause() != null && reason.getCause() != reason) {
      reason = reason.getCause(); // Gson wraps the reader's exception in a JsonSyntaxException
    }
    String message = reason.getMessage() == null ? "" : reason.getMessage();
    int lineBreak = message.indexOf('\n'); // Gson appends "See https://github.com/google/gson/..."
    String first = lineBreak < 0 ? message : message.substring(0, lineBreak);
    Matcher type = EXPECTED_TYPE.matcher(first); // Gson's JsonElement adapters: "Expected a ...JsonObject but was ..."
    if (type.lookingAt()) {
      return new JsonProblem(type.group(3), "expected " + kind(type.group(1)) + ", got " + kind(type.group(2)));
    }
    String path = fallbackPath;
    Matcher location = LOCATION.matcher(first);
    if (location.find()) {
      path = location.group(1);
      first = first.substring(0, location.start());
    }
    return new JsonProblem(path, problem(reason, first));
  }

  private static String problem(Throwable reason, String message) {
    if (reason instanceof StackOverflowError) {
      return "nested too deeply";
    }
    Matcher token = EXPECTED_TOKEN.matcher(message);
    if (token.lookingAt()) {
      return "expected " + kind(token.group(1)) + ", got " + kind(token.group(2));
    }
    Matcher value = EXPECTED_VALUE.matcher(message);
    if (value.lookingAt()) {
      return "expected " + value.group(1) + ", got a number that does not fit one";
    }
    if (message.startsWith("For input string")) {
      return "expected a number";
    }
    if (message.startsWith("Use JsonReader.setStrictness") || message.startsWith("Unterminated")
        || message.startsWith("Expected name") || message.startsWith("Expected ':'")
        || message.startsWith("Unexpected value")) {
      return "malformed JSON";
    }
    if (message.startsWith("End of input")) {
      return "the JSON ends too early";
    }
    return "cannot be read (" + reason.getClass().getSimpleName() + ")";
  }

  private static String kind(String gsonName) {
    return switch (gsonName) {
      case "BEGIN_OBJECT", "END_OBJECT", "JsonObject" -> "an object";
      case "BEGIN_ARRAY", "END_ARRAY", "JsonArray" -> "an array";
      case "JsonPrimitive" -> "a string, number or boolean";
      case "JsonNull" -> "null";
      case "STRING" -> "a string";
      case "NUMBER" -> "a number";
      case "BOOLEAN" -> "a boolean";
      case "NULL" -> "null";
      case "NAME" -> "a name";
      case "END_DOCUMENT" -> "the end of the JSON";
      default -> gsonName;
    };
  }

  @Override
  public String toString() {
    return path + ": " + problem;
  }
}
