package dev.lambdaguice.handlers.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The echo function, served by the real runtime in-process over real HTTP from lambda-runtime-local. */
class EchoHandlerTest {

  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws Exception {
    lambda = LocalLambda.start();
    lambda.inProcess().modules(EchoHandlerModule.class).handler(EchoHandlerModule.KEY).start();
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  @Test
  void echoesTheBodyAsAJsonString() throws Exception {
    InvokeResult result = lambda.invoke("{\"body\": \"hello world\"}");
    assertFalse(result.error(), result.bodyAsString());
    assertEquals("\"hello world\"", result.bodyAsString());
  }

  @Test
  void echoesAJsonBodyAsJson() throws Exception {
    assertEquals("{\"a\":[1,2],\"b\":null}", lambda.invoke("{\"body\": {\"a\": [1, 2], \"b\": null}}").bodyAsString());
  }

  @ParameterizedTest
  @ValueSource(strings = {EventFixtures.REST, EventFixtures.HTTP, EventFixtures.HTTP_BASE64})
  void echoesTheBodyOfApiGatewayEvents(String file) throws Exception {
    String event = EventFixtures.read(file);
    String body = JsonParser.parseString(event).getAsJsonObject().get("body").getAsString();
    InvokeResult result = lambda.invoke(event);
    assertFalse(result.error(), result.bodyAsString());
    assertEquals(body, JsonParser.parseString(result.bodyAsString()).getAsString());
  }

  @Test
  void theBodyComesBackAsSentEscapesAndBase64Included() throws Exception {
    assertEquals("\"Grüße aus API Gateway: \\\"quoted\\\", tab\\tand newline\\n\"",
        lambda.invoke(EventFixtures.read(EventFixtures.REST)).bodyAsString());
    assertEquals("\"AAEC/w==\"", lambda.invoke(EventFixtures.read(EventFixtures.HTTP_BASE64)).bodyAsString(),
        "a base64 body is echoed as it came, not decoded");
  }

  @Test
  void anEventWithoutBodyGetsAClearError() throws Exception {
    InvokeResult result = lambda.invoke(EventFixtures.read(EventFixtures.HTTP_GET));
    assertTrue(result.error());
    assertEquals("Runtime.UserException", result.errorType());
    assertTrue(result.errorMessage().contains("no \"body\" field"), result.errorMessage());
    assertEquals("\"still here\"", lambda.invoke("{\"body\":\"still here\"}").bodyAsString());
  }

  @Test
  void anEventThatIsNotAnObjectIsAnInvalidEvent() throws Exception {
    InvokeResult result = lambda.invoke("[\"body\"]");
    assertEquals("Runtime.InvalidEvent", result.errorType());
    assertTrue(result.errorMessage().contains("JsonArray"), result.errorMessage());
  }
}
