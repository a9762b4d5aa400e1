package dev.lambdaguice.handlers.sqs;

import com.google.gson.Gson;
import dev.lambdaguice.handlers.batch.DataReader;
import dev.lambdaguice.handlers.batch.UnreadableDataException;
import java.lang.reflect.Type;

/**
 * Reads a record's body as the record handler's body type with the batch core's {@link DataReader}; a record
 * without a body does not fit any type. Chosen once, at init.
 */
@FunctionalInterface
interface BodyReader {

  Object read(String body) throws UnreadableDataException;

  /** The reader for {@code type}: the text itself for {@code String}, otherwise JSON read by {@code gson}. */
  static BodyReader forType(Type type, Gson gson) {
    DataReader reader = DataReader.of(type, gson, "its body");
    return body -> {
      if (body == null) {
        throw new UnreadableDataException("the record", "has no body");
      }
      return reader.read(body);
    };
  }
}
