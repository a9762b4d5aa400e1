package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One call of a function of an exposed service, as callers send it:
 * {@code {"serviceName": "com.example.EchoService", "function": "echo", "args": ["hello"]}}.
 *
 * @param serviceName the exposed service's fully qualified type name, or its alias
 * @param function the method name
 * @param args the arguments as JSON, one per parameter; never null (Java nulls become {@link JsonNull})
 */
public record ServiceCall(String serviceName, String function, List<JsonElement> args) {

  private static final String EXAMPLE =
      "{\"serviceName\": \"com.example.EchoService\", \"function\": \"echo\", \"args\": [\"hello\"]}";

  public ServiceCall {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(function, "function");
    args = args == null ? List.of() : copyOf(args);
  }

  /** An unmodifiable copy of {@code args}, with Java nulls as {@link JsonNull}. */
  private static List<JsonElement> copyOf(List<JsonElement> args) {
    JsonElement[] copy = args.toArray(new JsonElement[0]);
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        copy[i] = JsonNull.INSTANCE;
      }
    }
    return Collections.unmodifiableList(Arrays.asList(copy));
  }

  /**
   * Reads a service call from an event. {@code args} may be absent or null (no arguments); other fields are
   * ignored.
   *
   * @throws InvalidServiceCallException the event is not a JSON object, {@code serviceName} or {@code function} is
   *     missing, not a string or blank, or {@code args} is not an array
   */
  public static ServiceCall parse(JsonElement event) throws InvalidServiceCallException {
    if (event == null || !event.isJsonObject()) {
      throw new InvalidServiceCallException("A service call is a JSON object like " + EXAMPLE + "; the event is "
          + JsonKind.of(event).describe());
    }
    JsonObject call = event.getAsJsonObject();
    String serviceName = requiredString(call, "serviceName", "the exposed service's type name or alias");
    String function = requiredString(call, "function", "the name of the method to call");
    JsonElement args = call.get("args");
    if (args == null || args.isJsonNull()) {
      return new ServiceCall(serviceName, function, List.of());
    }
    if (!args.isJsonArray()) {
      throw new InvalidServiceCallException("\"args\" must be a JSON array with one element per parameter; it is "
          + JsonKind.of(args).describe());
    }
    return new ServiceCall(serviceName, function, args.getAsJsonArray().asList()); // copied by the constructor
  }

  private static String requiredString(JsonObject call, String field, String meaning)
      throws InvalidServiceCallException {
    JsonElement value = call.get(field);
    if (value == null) {
      throw new InvalidServiceCallException("The service call has no \"" + field + "\" (" + meaning + "); expected "
          + EXAMPLE);
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new InvalidServiceCallException("\"" + field + "\" must be a JSON string (" + meaning + "); it is "
          + JsonKind.of(value).describe());
    }
    String text = value.getAsString();
    if (text.isBlank()) {
      throw new InvalidServiceCallException("\"" + field + "\" is blank; it must be " + meaning);
    }
    return text;
  }
}
