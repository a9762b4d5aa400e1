package dev.lambdaguice.handlers.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON body, for the caller: where ({@code $.lines[0].quantity}) and what ({@code expected an
 * int}). Gson's messages carry line numbers, advice for programmers and a link to its troubleshooting page, and
 * sometimes the value sent; none of that goes into an answer.
 */
final class BodyProblem {

  private static final Pattern PATH = Pattern.compile(" path (\\$\\S*)");
  private static final Pattern TOKEN = Pattern.compile("Expected (\\w+) but was (\\w+)");
  private static final Pattern VALUE = Pattern.compile("Expected (an? \\w+) but was ");
  private static final Pattern TREE = Pattern.compile("Expected an? (?:[\\w$]+\\.)*(Json\\w+) but was "
      + "(?:[\\w$]+\\.)*(Json\\w+)");

  private BodyProblem() {}

  /** {@code "$.lines[0].quantity: expected an int"}; {@code readerPath} where Gson's message names no path. */
  static String of(Throwable thrown, String readerPath) {
    Throwable reason = thrown;
    while (reason.getCause() != null && reason.getCause() != reason) {
      reason = reason.getCause();
    }
    String message = reason.getMessage() == null ? "" : reason.getMessage();
    int lineBreak = message.indexOf('\n');
    String first = lineBreak < 0 ? message : message.substring(0, lineBreak);
    Matcher path = PATH.matcher(first);
    String where = path.find() ? path.group(1) : readerPath;
    return where + ": " + problem(reason, first);
  }

  private static String problem(Throwable reason, String message) {
    if (reason instanceof StackOverflowError) {
      return "nested too deeply";
    }
    Matcher tree = TREE.matcher(message);
    if (tree.lookingAt()) {
      return "expected " + kind(tree.group(1)) + ", got " + kind(tree.group(2));
    }
    Matcher token = TOKEN.matcher(message);
    if (token.lookingAt()) {
      return "expected " + kind(token.group(1)) + ", got " + kind(token.group(2));
    }
    Matcher value = VALUE.matcher(message);
    if (value.lookingAt()) {
      return "expected " + value.group(1);
    }
    if (message.startsWith("For input string") || message.contains("NumberFormatException")) {
      return "expected a number";
    }
    if (message.startsWith("End of input")) {
      return "the JSON ends too early";
    }
    return "malformed JSON";
  }

  private static String kind(String name) {
    return switch (name) {
      case "BEGIN_OBJECT", "END_OBJECT", "JsonObject" -> "an object";
      case "BEGIN_ARRAY", "END_ARRAY", "JsonArray" -> "an array";
      case "STRING" -> "a string";
      case "NUMBER" -> "a number";
      case "BOOLEAN" -> "a boolean";
      case "NULL", "JsonNull" -> "null";
      case "JsonPrimitive" -> "a string, number or boolean";
      case "NAME" -> "a name";
      case "END_DOCUMENT" -> "the end of the body";
      default -> name;
    };
  }
}
