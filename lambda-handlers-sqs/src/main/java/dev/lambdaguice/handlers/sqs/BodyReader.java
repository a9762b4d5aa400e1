package dev.lambdaguice.handlers.sqs;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;

/** Reads a record's body as the record handler's body type. Chosen once, at init. */
@FunctionalInterface
interface BodyReader {

  Object read(String body) throws UnreadableBodyException;

  /** The reader for {@code type}: the text itself for {@code String}, otherwise JSON read by {@code gson}. */
  static BodyReader forType(Type type, Gson gson) {
    TypeToken<?> token = TypeToken.get(type);
    Class<?> raw = token.getRawType();
    if (raw == String.class) {
      return body -> {
        if (body == null) {
          throw new UnreadableBodyException("the record has no body");
        }
        return body;
      };
    }
    TypeAdapter<?> adapter = gson.getAdapter(token);
    String typeName = type.getTypeName();
    boolean tree = JsonElement.class.isAssignableFrom(raw);
    return body -> {
      if (body == null) {
        throw new UnreadableBodyException("the record has no body");
      }
      if (body.isEmpty()) {
        throw new UnreadableBodyException("its body is empty, not JSON for " + typeName);
      }
      try {
        JsonReader reader = gson.newJsonReader(new StringReader(body));
        Object value = adapter.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
          throw new UnreadableBodyException("its body has data after the JSON value for " + typeName);
        }
        if (tree && !raw.isInstance(value)) {
          throw new UnreadableBodyException("its body is not a " + raw.getSimpleName());
        }
        return value;
      } catch (IOException | RuntimeException | StackOverflowError e) {
        throw new UnreadableBodyException("its body does not fit " + typeName + " (" + classes(e) + ")");
      }
    };
  }

  /** The exception's class and its cause's, not their messages: Gson's can quote the body. */
  private static String classes(Throwable e) {
    Throwable cause = e.getCause();
    return e.getClass().getName() + (cause != null && cause != e ? " caused by " + cause.getClass().getName() : "");
  }
}
