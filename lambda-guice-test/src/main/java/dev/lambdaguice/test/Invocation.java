package dev.lambdaguice.test;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.lang.reflect.Type;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The outcome of one invocation: the function's response, or the error it (or the runtime, or the local Lambda)
 * reported, with the log lines logged while it ran.
 *
 * <p>Immutable. {@link #bodyAs} reads the body with the {@code Gson} of the test's {@link LambdaClient}.
 */
public final class Invocation {

  private final String key;
  private final String requestId;
  private final boolean error;
  private final String errorType;
  private final String errorMessage;
  private final String contentType;
  private final String body;
  private final List<String> logs;
  private final Gson gson;

  Invocation(String key, String requestId, boolean error, String errorType, String errorMessage,
      String contentType, String body, List<String> logs, Gson gson) {
    this.key = key;
    this.requestId = requestId;
    this.error = error;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.contentType = contentType;
    this.body = body;
    this.logs = List.copyOf(logs);
    this.gson = gson;
  }

  /** The handler key invoked. */
  public String key() {
    return key;
  }

  /** The invocation's request id. */
  public String requestId() {
    return requestId;
  }

  /** Whether the invocation ended in an error: one the function posted, an init error or a timeout. */
  public boolean error() {
    return error;
  }

  /** The error's type, like {@code Runtime.InvalidEvent}; null on success. */
  public String errorType() {
    return errorType;
  }

  /** The error's message; null on success. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The response's content type, like {@code application/json}; null when the runtime sent none. */
  public String contentType() {
    return contentType;
  }

  /** The response body, or the error's JSON document, as text. */
  public String body() {
    return body;
  }

  /**
   * The log lines logged from the invoke call until its answer, in the runtime's format (a child process's lines
   * come through a pipe and may arrive later: see {@link CapturedLogs#await}). With {@code maxConcurrency} above 1,
   * only the lines carrying this invocation's request id, as other invocations may have run meanwhile.
   */
  public List<String> logs() {
    return logs;
  }

  /** The response body read as {@code type} with the test's Gson; fails the test on an error. */
  public <T> T bodyAs(Class<T> type) {
    return bodyAs((Type) type);
  }

  /** The response body read as {@code type}, a generic type such as {@code new TypeToken<List<Book>>(){}.getType()}. */
  public <T> T bodyAs(Type type) {
    assertSuccess();
    try {
      return gson.fromJson(body, type);
    } catch (JsonParseException e) {
      throw new AssertionFailedError("the response of '" + key + "' is not a " + type.getTypeName() + ": "
          + e.getMessage() + "\nresponse: " + body);
    }
  }

  /** The response body as a JSON tree; fails the test on an error or a body that is not JSON. */
  public JsonElement json() {
    return bodyAs(JsonElement.class);
  }

  /** Fails the test, naming the error and showing the invocation's log lines, unless the invocation succeeded. */
  public Invocation assertSuccess() {
    if (error) {
      throw new AssertionFailedError("'" + key + "' failed with " + errorType + ": " + errorMessage + logsText());
    }
    return this;
  }

  /** Fails the test unless the invocation ended in an error of this type (like {@code Runtime.UserException}). */
  public Invocation assertError(String expectedType) {
    if (!error) {
      throw new AssertionFailedError("'" + key + "' succeeded, expected " + expectedType + "; response: " + body);
    }
    if (!expectedType.equals(errorType)) {
      throw new AssertionFailedError("'" + key + "' failed with " + errorType + " (" + errorMessage + "), expected "
          + expectedType, expectedType, errorType);
    }
    return this;
  }

  /** Whether a log line of this invocation contains {@code text}. */
  public boolean logged(String text) {
    return logs.stream().anyMatch(line -> line.contains(text));
  }

  @Override
  public String toString() {
    return "Invocation[" + key + " " + requestId + (error ? " " + errorType + ": " + errorMessage : " ok: " + body)
        + "]";
  }

  private String logsText() {
    if (logs.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nlog lines:");
    for (String line : logs) {
      text.append("\n  ").append(line.replace("\r", "\n    "));
    }
    return text.toString();
  }
}
