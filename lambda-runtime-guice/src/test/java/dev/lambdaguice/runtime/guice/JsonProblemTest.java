package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link JsonProblem} on the exceptions Gson really throws, so a Gson upgrade that changes its wording shows here. */
class JsonProblemTest {

  record Item(int n) {}

  record Order(String id, List<Integer> items, Item item, boolean gift) {}

  private final Gson gson = new Gson();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"items":[1,2,true]}          | $.items[2] | expected an int, got a boolean
      {"id":[1]}                    | $.id       | expected a string, got an array
      {"item":5}                    | $.item     | expected an object, got a number
      {"item":{"n":1.5}}            | $.item.n   | expected an int, got a number that does not fit one
      {"items":[1,2,99999999999]}   | $.items[2] | expected an int, got a number that does not fit one
      {"items":[1,"secret-x"]}      | $.items[1] | expected a number
      {"gift":[]}                   | $.gift     | expected a boolean, got an array
      [1]                           | $          | expected an object, got an array
      {"id":                        | $.id       | the JSON ends too early
      {id:1 2}                      | $.         | malformed JSON
      """)
  void saysWhereAndWhatWithoutGsonsAdviceOrTheValue(String json, String path, String problem) {
    // As EventReader reads: Gson's adapter on a JsonReader, the reader's path as the fallback
    JsonReader reader = gson.newJsonReader(new StringReader(json));
    Exception thrown = assertThrows(Exception.class, () -> gson.getAdapter(Order.class).read(reader));
    JsonProblem described = JsonProblem.of(thrown, reader.getPath());
    assertEquals(path + ": " + problem, described.toString());
    assertFalse(described.toString().contains("secret"), "never the value");
    assertFalse(described.toString().contains("Strictness") || described.toString().contains("github"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      [1]   | $: expected an object, got an array
      "s"   | $: expected an object, got a string, number or boolean
      """)
  void jsonTreeKindsAreNamedAsJsonKinds(String json, String expected) {
    JsonReader reader = gson.newJsonReader(new StringReader(json));
    Exception thrown = assertThrows(Exception.class, () -> gson.getAdapter(JsonObject.class).read(reader));
    assertEquals(expected, JsonProblem.of(thrown, reader.getPath()).toString());
  }
}
