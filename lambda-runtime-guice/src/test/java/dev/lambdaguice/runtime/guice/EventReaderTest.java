package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import dev.lambdaguice.runtime.guice.fixtures.Greeting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReaderTest {

  private final Gson gson = new Gson();

  private Object read(java.lang.reflect.Type type, String json) throws InvalidEventException {
    return EventReader.forType(type, gson).read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bytesAndTextArePassedThroughUnparsed() throws Exception {
    byte[] raw = {(byte) 0xff, 0, 'x'};
    assertArrayEquals(raw, (byte[]) EventReader.forType(byte[].class, gson).read(raw));
    assertEquals("{not json", read(String.class, "{not json"));
  }

  @Test
  void theJsonReaderDecodesStringsInsteadOfPassingTextThrough() throws Exception {
    EventReader strings = EventReader.json(String.class, gson);
    assertEquals("caf\u00e9 \"x\"", strings.read("\"caf\\u00e9 \\\"x\\\"\"".getBytes(StandardCharsets.UTF_8)));
    assertEquals("42", strings.read("42".getBytes(StandardCharsets.UTF_8)));
    assertNull(strings.read("null".getBytes(StandardCharsets.UTF_8)));
    String message = assertThrows(InvalidEventException.class,
        () -> strings.read("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).getMessage();
    assertTrue(message.contains("java.lang.String at $: expected a string, got an object"), message);
    assertEquals(new Greeting("ada", 2), EventReader.json(Greeting.class, gson)
        .read("{\"name\":\"ada\",\"times\":2}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void recordsAndGenericCollectionsAreRead() throws Exception {
    assertEquals(new Greeting("ada", 2), read(Greeting.class, "{\"name\":\"ada\",\"times\":2}"));
    @SuppressWarnings("unchecked")
    List<Greeting> list = (List<Greeting>) read(new TypeToken<List<Greeting>>() {}.getType(),
        "[{\"name\":\"a\",\"times\":1}]");
    assertEquals(new Greeting("a", 1), list.get(0));
    assertNull(read(Greeting.class, "null"));
  }

  @Test
  void jsonTreesKeepTheirKind() throws Exception {
    assertTrue(read(JsonObject.class, "{\"a\":1}") instanceof JsonObject);
    InvalidEventException e = assertThrows(InvalidEventException.class, () -> read(JsonObject.class, "[1]"));
    assertEquals("The event does not fit com.google.gson.JsonObject at $: expected an object, got an array",
        e.getMessage());
    assertTrue(read(JsonArray.class, "[1]") instanceof JsonArray);
  }

  @Test
  void badEventsNameWhatIsWrong() {
    assertTrue(assertThrows(InvalidEventException.class, () -> read(Greeting.class, ""))
        .getMessage().contains("empty"));
    assertTrue(assertThrows(InvalidEventException.class, () -> read(Greeting.class, "{\"name\":\"a\"} {}"))
        .getMessage().contains("data after"));
    String message = assertThrows(InvalidEventException.class, () -> read(Greeting.class, "[1,2]")).getMessage();
    assertTrue(message.contains(Greeting.class.getName()), message);
    assertTrue(assertThrows(InvalidEventException.class, () -> read(Greeting.class, "{\"times\":\"many\"}"))
        .getMessage().contains("times"), () -> assertThrows(InvalidEventException.class, () -> read(Greeting.class, "{\"times\":\"many\"}")).getMessage());
    assertThrows(InvalidEventException.class, () -> read(Greeting.class, "{\"name\":"));
  }
}
