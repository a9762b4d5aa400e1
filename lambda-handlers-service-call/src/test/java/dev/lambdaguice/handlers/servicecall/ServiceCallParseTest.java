package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceCallParseTest {

  private static ServiceCall parse(String json) throws InvalidServiceCallException {
    return ServiceCall.parse(JsonParser.parseString(json));
  }

  private static String invalid(String json) {
    return assertThrows(InvalidServiceCallException.class, () -> parse(json)).getMessage();
  }

  @Test
  void readsTheCallAsUsersSendIt() throws Exception {
    ServiceCall call =
        parse("{\"serviceName\": \"com.example.EchoService\", \"function\": \"echo\", \"args\": [\"hello\"]}");
    assertEquals(new ServiceCall("com.example.EchoService", "echo", List.of(new JsonPrimitive("hello"))), call);
  }

  @Test
  void argsMayBeAbsentOrNullOrEmpty() throws Exception {
    assertEquals(List.of(), parse("{\"serviceName\": \"s\", \"function\": \"f\"}").args());
    assertEquals(List.of(), parse("{\"serviceName\": \"s\", \"function\": \"f\", \"args\": null}").args());
    assertEquals(List.of(), parse("{\"serviceName\": \"s\", \"function\": \"f\", \"args\": []}").args());
  }

  @Test
  void keepsNullArgumentsAndIgnoresOtherFields() throws Exception {
    ServiceCall call = parse("{\"serviceName\": \"s\", \"function\": \"f\", \"args\": [null, {\"a\": 1}, [2]],"
        + " \"requestId\": \"r-1\"}");
    assertEquals(List.of(JsonNull.INSTANCE, JsonParser.parseString("{\"a\": 1}"), JsonParser.parseString("[2]")),
        call.args());
  }

  @Test
  void theConstructorTurnsNullsIntoJsonNull() {
    assertEquals(List.of(), new ServiceCall("s", "f", null).args());
    assertEquals(List.of(JsonNull.INSTANCE), new ServiceCall("s", "f", Arrays.asList((JsonElement) null)).args());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[1, 2]                                            | the event is a JSON array",
      "'\"com.example.EchoService\"'                     | the event is a JSON string",
      "null                                              | the event is JSON null",
      "{\"function\": \"f\"}                             | no \"serviceName\"",
      "{\"serviceName\": 12345678, \"function\": \"f\"}  | it is a JSON number",
      "{\"serviceName\": \"  \", \"function\": \"f\"}    | \"serviceName\" is blank",
      "{\"serviceName\": \"s\"}                          | no \"function\"",
      "{\"serviceName\": \"s\", \"function\": {}}        | \"function\" must be a JSON string",
      "{\"serviceName\": \"s\", \"function\": \"f\", \"args\": \"hunter2\"} | \"args\" must be a JSON array",
      "{\"serviceName\": \"s\", \"function\": \"f\", \"args\": {\"a\": 1}}  | it is a JSON object"})
  void namesWhatIsWrong(String json, String expected) {
    String message = invalid(json);
    assertTrue(message.contains(expected), message);
    assertFalse(message.contains("12345678") || message.contains("hunter2"), "no values in: " + message);
  }

  @Test
  void aJavaNullEventIsInvalid() {
    assertThrows(InvalidServiceCallException.class, () -> ServiceCall.parse(null));
  }
}
