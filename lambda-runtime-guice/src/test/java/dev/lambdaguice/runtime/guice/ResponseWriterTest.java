package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

  private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
  private final ResponseWriter writer = new ResponseWriter(gson);

  private static String text(ResponseWriter.Response response) {
    return new String(response.body(), 0, response.length(), StandardCharsets.UTF_8);
  }

  @Test
  void eachResultIsWrittenWholeWhateverCameBefore() {
    assertEquals("\"a much longer first result, é and ✓\"", text(writer.write("a much longer first result, é and ✓")));
    assertEquals("\"b\"", text(writer.write("b")));
    assertEquals("{\"k\":[1,2]}", text(writer.write(Map.of("k", List.of(1, 2)))));
    assertEquals("null", text(writer.write(null)));
  }

  @Test
  void aLargeResultIsWrittenAndTheNextSmallOneIsNotAffected() {
    String large = "x".repeat(ResponseWriter.MAX_KEPT_BYTES + 10);
    assertEquals(large.length() + 2, writer.write(large).length());
    assertEquals("\"small\"", text(writer.write("small")));
  }

  @Test
  void aFailedResultLeavesNothingBehindForTheNext() {
    // Gson writes {"text":"ééé", then refuses NaN: the half-written result must not leak into the next response
    assertThrows(IllegalArgumentException.class, () -> writer.write(new Failing("é".repeat(3), Double.NaN)));
    assertEquals("\"ok\"", text(writer.write("ok")));
  }

  @Test
  void rawResponsesAreSentAsTheyAre() {
    byte[] bytes = {1, 2, 3};
    ResponseWriter.Response response = writer.write(RawResponse.bytes(bytes));
    assertArrayEquals(bytes, Arrays.copyOf(response.body(), response.length()));
    assertEquals("application/octet-stream", response.contentType());
  }

  /** A result whose serialization fails half-way. */
  record Failing(String text, double value) {}
}
