package dev.lambdaguice.handlers.batch;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a record's body or data as a record handler's type, chosen once at init:
 * <ul>
 *   <li>{@code String}: the text itself (bytes are decoded as UTF-8; bytes that are not UTF-8 do not fit);
 *   <li>{@code byte[]}: the bytes themselves, for data that arrives as bytes ({@link #read(byte[])}); text
 *       ({@link #read(String)}, an SQS body) is read as JSON, a JSON array of numbers;
 *   <li>{@code JsonElement} (or {@code JsonObject}, {@code JsonArray}, ...): the JSON tree, of that kind;
 *   <li>anything else: read from the JSON by the given (the injector's) {@link Gson}, with nothing after the value.
 * </ul>
 * A JSON {@code null} reads as null for a bound type; callers that must not pass null check for it. Problems name
 * the type and the exception classes, never Gson's message, which can quote the data.
 */
public final class DataReader {

  private final String subject;
  private final Class<?> raw;
  private final boolean text;
  private final boolean bytes;
  private final boolean tree;
  private final TypeAdapter<?> adapter;
  private final Gson gson;
  private final String typeName;

  private DataReader(Type type, Gson gson, String subject) {
    TypeToken<?> token = TypeToken.get(type);
    this.subject = subject;
    this.raw = token.getRawType();
    this.text = raw == String.class;
    this.bytes = raw == byte[].class;
    this.tree = JsonElement.class.isAssignableFrom(raw);
    this.adapter = gson.getAdapter(token);
    this.gson = gson;
    this.typeName = type.getTypeName();
  }

  /**
   * The reader for {@code type}, reading JSON with {@code gson}; {@code subject} names what is read in problems
   * ({@code "its body"}).
   */
  public static DataReader of(Type type, Gson gson, String subject) {
    return new DataReader(type, gson, subject);
  }

  /** {@code data} (not null) as the type. */
  public Object read(String data) throws UnreadableDataException {
    if (text) {
      return data;
    }
    if (data.isEmpty()) {
      throw unreadable("is empty, not JSON for " + typeName);
    }
    try {
      JsonReader reader = gson.newJsonReader(new StringReader(data));
      Object value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw unreadable("has data after the JSON value for " + typeName);
      }
      return checkTree(value);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw doesNotFit(e);
    }
  }

  /** {@code data} (not null) as the type: itself for {@code byte[]}, else its UTF-8 text read as the type. */
  public Object read(byte[] data) throws UnreadableDataException {
    if (bytes) {
      return data;
    }
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      throw unreadable("is not UTF-8 text, as " + typeName + " needs; read it as byte[]");
    }
    return read(decoded);
  }

  /** {@code json} (not null) as the type: the tree itself for a tree type, else read by the Gson. */
  public Object read(JsonElement json) throws UnreadableDataException {
    try {
      return checkTree(tree ? json : adapter.fromJsonTree(json));
    } catch (RuntimeException | StackOverflowError e) {
      throw doesNotFit(e);
    }
  }

  private Object checkTree(Object value) throws UnreadableDataException {
    if (tree && !raw.isInstance(value)) {
      throw unreadable("is not a " + raw.getSimpleName());
    }
    return value;
  }

  private UnreadableDataException doesNotFit(Throwable e) {
    return unreadable("does not fit " + typeName + " (" + classes(e) + ")");
  }

  private UnreadableDataException unreadable(String problem) {
    return new UnreadableDataException(subject, problem);
  }

  /** The exception's class and its cause's, not their messages: Gson's can quote the data. */
  private static String classes(Throwable e) {
    Throwable cause = e.getCause();
    return e.getClass().getName() + (cause != null && cause != e ? " caused by " + cause.getClass().getName() : "");
  }
}
