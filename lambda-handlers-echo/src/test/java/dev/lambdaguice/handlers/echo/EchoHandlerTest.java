package dev.lambdaguice.handlers.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The echo function, served by the real runtime in-process over real HTTP from lambda-runtime-local. */
@LambdaTest(modules = EchoHandlerModule.class)
class EchoHandlerTest {

  private static final String ECHO = EchoHandlerModule.KEY;

  @Test
  void echoesTheBodyAsAJsonString(LambdaClient lambda) {
    assertEquals("\"hello world\"", lambda.invoke(ECHO, "{\"body\": \"hello world\"}").assertSuccess().body());
  }

  @Test
  void theShippedExampleEventEchoesItsBody(LambdaClient lambda) throws IOException {
    String example = example(ECHO);
    JsonElement body = JsonParser.parseString(example).getAsJsonObject().get("body");

    assertEquals(body, lambda.invoke(ECHO, example).assertSuccess().json());
  }

  @Test
  void echoesAJsonBodyAsJson(LambdaClient lambda) {
    assertEquals("{\"a\":[1,2],\"b\":null}", lambda.invoke(ECHO, "{\"body\": {\"a\": [1, 2], \"b\": null}}").body());
  }

  @ParameterizedTest
  @ValueSource(strings = {EventFixtures.REST, EventFixtures.HTTP, EventFixtures.HTTP_BASE64})
  void echoesTheBodyOfApiGatewayEvents(String file, LambdaClient lambda) {
    String body = JsonParser.parseString(Events.read(file)).getAsJsonObject().get("body").getAsString();
    assertEquals(body, lambda.invokeEvent(ECHO, file).bodyAs(String.class));
  }

  @Test
  void theBodyComesBackAsSentEscapesAndBase64Included(LambdaClient lambda) {
    assertEquals("\"Grüße aus API Gateway: \\\"quoted\\\", tab\\tand newline\\n\"",
        lambda.invokeEvent(ECHO, EventFixtures.REST).body());
    assertEquals("\"AAEC/w==\"", lambda.invokeEvent(ECHO, EventFixtures.HTTP_BASE64).body(),
        "a base64 body is echoed as it came, not decoded");
  }

  @Test
  void anEventWithoutBodyGetsAClearError(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent(ECHO, EventFixtures.HTTP_GET).assertError("Runtime.UserException");
    assertTrue(result.errorMessage().contains("no \"body\" field"), result.errorMessage());
    assertTrue(result.logged("no \"body\" field"), "the runtime logs the handler's exception: " + result.logs());
    assertEquals("\"still here\"", lambda.invoke(ECHO, "{\"body\":\"still here\"}").body());
  }

  @Test
  void anEventThatIsNotAnObjectIsAnInvalidEvent(LambdaClient lambda) {
    Invocation result = lambda.invoke(ECHO, "[\"body\"]").assertError("Runtime.InvalidEvent");
    assertEquals("The event does not fit com.google.gson.JsonObject at $: expected an object, got an array",
        result.errorMessage());
  }

  /** The example event this module ships for {@code key}: what {@code LocalMain}'s start-up hint sends. */
  private static String example(String key) throws IOException {
    String resource = "META-INF/lambda-guice/examples/" + key + ".json";
    try (InputStream in = EchoHandlerTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "no " + resource + " on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
