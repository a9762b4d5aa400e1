package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Turns event bytes into a handler's event type. Chosen once per process, at init. */
@FunctionalInterface
interface EventReader {

  Object read(byte[] payload) throws InvalidEventException;

  /** The reader for {@code type}: raw bytes, text, or else JSON read by {@code gson}. */
  static EventReader forType(Type type, Gson gson) {
    TypeToken<?> token = TypeToken.get(type);
    Class<?> raw = token.getRawType(); // Guice resolves byte[] to a GenericArrayType, so compare raw types
    if (raw == byte[].class) {
      return payload -> payload;
    }
    if (raw == String.class) {
      return payload -> new String(payload, StandardCharsets.UTF_8);
    }
    return json(type, gson);
  }

  /** The reader of JSON for {@code type}, {@code String} and {@code byte[]} included (a JSON string is decoded). */
  static EventReader json(Type type, Gson gson) {
    TypeToken<?> token = TypeToken.get(type);
    Class<?> raw = token.getRawType();
    TypeAdapter<?> adapter = gson.getAdapter(token);
    String typeName = type.getTypeName();
    boolean tree = JsonElement.class.isAssignableFrom(raw);
    return payload -> {
      if (payload.length == 0) {
        throw new InvalidEventException("The event is empty; expected JSON for " + typeName, null);
      }
      // A String decodes in one pass and reads with no 8 KiB decoder buffer per event, as an InputStreamReader has
      JsonReader reader = gson.newJsonReader(new StringReader(new String(payload, StandardCharsets.UTF_8)));
      try {
        Object event = adapter.read(reader);
        if (!atEnd(reader)) {
          throw new InvalidEventException("The event has data after its JSON value", null);
        }
        if (tree && event != null && !raw.isInstance(event)) {
          throw new InvalidEventException("The event is a " + event.getClass().getSimpleName()
              + ", not a " + raw.getSimpleName(), null);
        }
        return event;
      } catch (InvalidEventException e) {
        throw e;
      } catch (Exception e) {
        throw new InvalidEventException("The event does not fit " + typeName + " at "
            + JsonProblem.of(e, reader.getPath()), e);
      }
    };
  }

  private static boolean atEnd(JsonReader reader) {
    try {
      return reader.peek() == JsonToken.END_DOCUMENT;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
