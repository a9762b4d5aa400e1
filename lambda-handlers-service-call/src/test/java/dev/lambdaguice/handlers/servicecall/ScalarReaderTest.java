package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.LongSerializationPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ScalarReader} reads what Gson's own adapter reads through {@code fromJsonTree}, or leaves it to Gson. */
class ScalarReaderTest {

  private static final List<Class<?>> TYPES = List.of(String.class, int.class, Integer.class, long.class,
      Long.class, boolean.class, Boolean.class);

  private static final List<JsonElement> ARGUMENTS = List.of(
      json("\"text\""), json("\"\""), json("\"12\""), json("\"true\""), json("\"1e3\""),
      json("0"), json("-0"), json("12"), json("-12"), json("1.5"), json("-1.5"), json("1e3"), json("2147483648"),
      json("-2147483649"), json("9223372036854775808"), json("1e400"), json("0.000001"), json("true"),
      json("false"), new JsonPrimitive(2.5d), new JsonPrimitive(Double.NaN), new JsonPrimitive(7L),
      new JsonPrimitive(new BigDecimal("12345678901234567890.5")), new JsonPrimitive('c'),
      new JsonPrimitive(new LazilyParsedNumber("not a number")));

  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  @Test
  void readsWhatGsonsBuiltInAdapterReadsOrLeavesTheArgumentToGson() {
    Gson gson = new GsonBuilder().disableHtmlEscaping().create(); // the runtime's default
    for (Class<?> type : TYPES) {
      TypeAdapter<?> adapter = gson.getAdapter(type);
      ScalarReader reader = ScalarReader.of(type, adapter);
      assertNotNull(reader, type.getName());
      for (JsonElement argument : ARGUMENTS) {
        Object fast;
        try {
          fast = reader.read(argument.getAsJsonPrimitive());
        } catch (RuntimeException e) {
          continue; // left to Gson
        }
        if (fast != null) {
          assertEquals(adapter.fromJsonTree(argument), fast, type.getName() + " from " + argument);
        }
      }
    }
  }

  @Test
  void onlyForGsonsBuiltInAdapters() {
    TypeAdapter<Object> custom = new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, Object value) {}

      @Override
      public Object read(JsonReader in) {
        return null;
      }
    };
    for (Class<?> type : TYPES) {
      Gson gson = new GsonBuilder().registerTypeAdapter(type, custom).create();
      assertNull(ScalarReader.of(type, gson.getAdapter(type)), type.getName());
    }
    Gson longsAsText = new GsonBuilder().setLongSerializationPolicy(LongSerializationPolicy.STRING).create();
    assertNull(ScalarReader.of(long.class, longsAsText.getAdapter(long.class)));
    Gson gson = new Gson();
    for (Class<?> type : List.of(double.class, Double.class, char.class, short.class, Object.class, Money.class)) {
      assertNull(ScalarReader.of(type, gson.getAdapter(type)), type.getName());
    }
  }
}
