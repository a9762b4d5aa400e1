package dev.lambdaguice.handlers.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataReaderTest {

  private static final Gson GSON = new Gson();

  record Point(int x, int y) {}

  @Test
  void textIsItselfAndBytesAreDecodedStrictly() throws Exception {
    DataReader text = DataReader.of(String.class, GSON, "its data");
    assertEquals("", text.read(""));
    assertEquals("café", text.read("café".getBytes(StandardCharsets.UTF_8)));
    UnreadableDataException binary = assertThrows(UnreadableDataException.class,
        () -> text.read(new byte[] {(byte) 0xF3, (byte) 0x89, 0x41}));
    assertEquals("its data is not UTF-8 text, as java.lang.String needs; read it as byte[]", binary.getMessage());
    assertEquals("is not UTF-8 text, as java.lang.String needs; read it as byte[]", binary.problem());
  }

  @Test
  void bytesAreThemselvesButTextIsJsonAsBefore() throws Exception {
    DataReader bytes = DataReader.of(byte[].class, GSON, "its data");
    byte[] data = {0, (byte) 0xFF};
    assertArrayEquals(data, (byte[]) bytes.read(data));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) bytes.read("[1, 2]"), "an SQS body stays JSON for byte[]");
  }

  @Test
  void jsonTypesAreReadByTheGsonWithProblemsThatNeverQuoteTheData() throws Exception {
    DataReader points = DataReader.of(Point.class, GSON, "its body");
    assertEquals(new Point(1, 2), points.read("{\"x\": 1, \"y\": 2}"));
    assertEquals(new Point(3, 4), points.read("{\"x\": 3, \"y\": 4}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(new Point(5, 6), points.read(JsonParser.parseString("{\"x\": 5, \"y\": 6}")));
    assertEquals("its body is empty, not JSON for " + Point.class.getName(),
        assertThrows(UnreadableDataException.class, () -> points.read("")).getMessage());
    String notFitting = assertThrows(UnreadableDataException.class, () -> points.read("{\"x\": \"secret\"}"))
        .getMessage();
    assertEquals("its body does not fit " + Point.class.getName()
        + " (com.google.gson.JsonSyntaxException caused by java.lang.NumberFormatException)", notFitting);
    assertFalse(assertThrows(UnreadableDataException.class,
        () -> points.read(JsonParser.parseString("{\"x\": \"secret\"}"))).getMessage().contains("secret"));
    assertEquals(null, points.read("null"), "JSON null reads as null; callers that need a value check");
  }

  @Test
  void treeTypesMustBeOfTheirKind() throws Exception {
    DataReader objects = DataReader.of(JsonObject.class, GSON, "its data");
    assertEquals(JsonParser.parseString("{}"), objects.read("{}"));
    assertEquals("its data does not fit com.google.gson.JsonObject (com.google.gson.JsonSyntaxException)",
        assertThrows(UnreadableDataException.class, () -> objects.read("[1]")).getMessage());
    assertEquals("its data is not a JsonObject",
        assertThrows(UnreadableDataException.class, () -> objects.read(JsonParser.parseString("1"))).getMessage());
    DataReader any = DataReader.of(JsonElement.class, GSON, "its data");
    assertEquals(JsonParser.parseString("[1]"), any.read("[1]"));
    assertThrows(UnreadableDataException.class, () -> any.read("[".repeat(50_000)), "deep nesting fails the record");
  }
}
