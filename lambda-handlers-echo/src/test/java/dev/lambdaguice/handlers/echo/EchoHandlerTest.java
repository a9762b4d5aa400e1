package dev.lambdaguice.handlers.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The echo function, served by the real runtime in-process over real HTTP from lambda-runtime-local. */
class EchoHandlerTest {

  private static final Path EVENTS = Path.of(System.getProperty("lambdaguice.sharedEvents", "../../shared/events"));
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
  @ValueSource(strings = {"aws-lambda-java-libs/apigw_rest_event.json", "aws-lambda-java-libs/apigw_http_event.json",
      "aws-lambda-go/apigw-request.json", "powertools-lambda-python/apiGatewayProxyV2Event.json"})
  void echoesTheBodyOfRealApiGatewayEvents(String file) throws Exception {
    String event = Files.readString(EVENTS.resolve(file));
    String body = JsonParser.parseString(event).getAsJsonObject().get("body").getAsString();
    InvokeResult result = lambda.invoke(event);
    assertFalse(result.error(), result.bodyAsString());
    assertEquals(body, JsonParser.parseString(result.bodyAsString()).getAsString());
  }

  @Test
  void anEventWithoutBodyGetsAClearError() throws Exception {
    InvokeResult result = lambda.invoke(Files.readString(EVENTS.resolve("aws-lambda-go/sns-event.json")));
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
