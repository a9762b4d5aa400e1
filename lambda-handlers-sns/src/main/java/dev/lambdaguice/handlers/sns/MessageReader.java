package dev.lambdaguice.handlers.sns;

import com.google.gson.Gson;
import dev.lambdaguice.handlers.batch.DataReader;
import dev.lambdaguice.handlers.batch.UnreadableDataException;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;

/**
 * Reads a notification's message as the handler's message type with the batch core's {@link DataReader} (the text
 * itself for {@code String}, else JSON by the injector's Gson); a missing message, or JSON {@code null}, does not
 * fit. Problems name the notification and the type, never the text. Chosen once, at init.
 */
final class MessageReader {

  private final DataReader reader;
  private final String simpleName;

  MessageReader(Type type, Gson gson) {
    this.reader = DataReader.of(type, gson, "its Message");
    this.simpleName = TypeToken.get(type).getRawType().getSimpleName();
  }

  /** {@code message} as the type; {@code describe} names the notification in problems. */
  Object read(String message, String describe) throws UnreadableSnsMessageException {
    if (message == null) {
      throw new UnreadableSnsMessageException(describe + " has no Message");
    }
    Object value;
    try {
      value = reader.read(message);
    } catch (UnreadableDataException e) {
      throw new UnreadableSnsMessageException(describe + " " + e.problem());
    }
    if (value == null) {
      throw new UnreadableSnsMessageException(describe + " is not a " + simpleName);
    }
    return value;
  }
}
