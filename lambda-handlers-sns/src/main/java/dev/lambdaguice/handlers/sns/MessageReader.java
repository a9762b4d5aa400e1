package dev.lambdaguice.handlers.sns;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;

/**
 * Reads a notification's message as the handler's message type: the text itself for {@code String}, else JSON by
 * the injector's Gson. Problems name the type and the exception classes, never Gson's message (it can quote the
 * text). Chosen once, at init.
 */
final class MessageReader {

  private final Class<?> raw;
  private final TypeAdapter<?> adapter;
  private final Gson gson;
  private final String typeName;

  MessageReader(Type type, Gson gson) {
    TypeToken<?> token = TypeToken.get(type);
    this.raw = token.getRawType();
    this.adapter = raw == String.class ? null : gson.getAdapter(token);
    this.gson = gson;
    this.typeName = type.getTypeName();
  }

  /** {@code message} as the type; {@code describe} names the notification in problems. */
  Object read(String message, String describe) throws UnreadableSnsMessageException {
    if (message == null) {
      throw new UnreadableSnsMessageException(describe + " has no Message");
    }
    if (adapter == null) {
      return message;
    }
    try {
      JsonReader reader = gson.newJsonReader(new StringReader(message));
      Object value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new UnreadableSnsMessageException(describe + " has data after the JSON value for " + typeName);
      }
      if (value == null || JsonElement.class.isAssignableFrom(raw) && !raw.isInstance(value)) {
        throw new UnreadableSnsMessageException(describe + " is not a " + raw.getSimpleName());
      }
      return value;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      Throwable cause = e.getCause();
      throw new UnreadableSnsMessageException(describe + " does not fit " + typeName + " (" + e.getClass().getName()
          + (cause != null && cause != e ? " caused by " + cause.getClass().getName() : "") + ")");
    }
  }
}
