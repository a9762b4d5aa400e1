package dev.lambdaguice.handlers.awscore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import dev.lambdaguice.handlers.awscore.fixtures.AwsTestModule;
import dev.lambdaguice.handlers.awscore.fixtures.Order;
import dev.lambdaguice.handlers.awscore.fixtures.Receipt;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS handlers served by the real runtime loop on {@code lambda-runtime-local}: the keys of {@link AwsTestModule}. */
@LambdaTest(modules = AwsTestModule.class)
class AwsHandlersEndToEndTest {

  @Test
  void aRequestHandlerGetsItsTypedEventAndItsInjectedDependency(LambdaClient lambda) {
    Invocation result = lambda.invoke("place-order", new Order("c-1", List.of("book", "pen", "pen")));
    Receipt receipt = result.assertSuccess().bodyAs(Receipt.class);
    assertEquals(new Receipt("c-1", 3, 2_800, result.requestId()), receipt);
    assertEquals("application/json", result.contentType());
    assertTrue(result.logs().stream().anyMatch(line -> line.endsWith("placed an order of 3 items")),
        "the handler's line, without the message's final \\n: " + result.logs());
  }

  @Test
  void aStringEventIsTheDecodedJsonStringAndAStringResultIsAJsonString(LambdaClient lambda) {
    Invocation result = lambda.invoke("shout", new JsonPrimitive("caf\u00e9 \"au lait\""));
    assertEquals("\"CAF\u00c9 \\\"AU LAIT\\\"\"", result.assertSuccess().body());
    assertEquals("CAF\u00c9 \"AU LAIT\"", result.bodyAs(String.class));
    assertEquals("\"42\"", lambda.invoke("shout", "42").assertSuccess().body(), "a number is read as its text");
    assertEquals("\"NULL\"", lambda.invoke("shout", "null").assertSuccess().body());
  }

  @Test
  void anEventThatIsNotAJsonStringDoesNotFitAStringHandler(LambdaClient lambda) {
    Invocation result = lambda.invoke("shout", "{\"text\":\"hi\"}");
    result.assertError("Runtime.InvalidEvent");
    assertEquals("The event does not fit java.lang.String at $: expected a string, got an object",
        result.errorMessage());
    assertTrue(result.logged("Event does not fit the event type java.lang.String of handler 'shout'"),
        result.logs().toString());
  }

  @Test
  void aMapEventIsReadByGson(LambdaClient lambda) {
    Invocation result = lambda.invoke("describe-map", "{\"n\":1,\"s\":\"x\",\"b\":true,\"o\":{},\"a\":[],\"z\":null}");
    Map<?, ?> classes = result.assertSuccess().bodyAs(Map.class);
    assertEquals(Map.of("n", "Double", "s", "String", "b", "Boolean", "o", "LinkedTreeMap", "a", "ArrayList",
        "z", "null"), classes);
  }

  @Test
  void aVoidResultIsNull(LambdaClient lambda) {
    Invocation result = lambda.invoke("void", Map.of("a", "1"));
    assertEquals("null", result.assertSuccess().body());
    assertTrue(result.logged("event with 1 keys"), result.logs().toString());
  }

  @Test
  void aStreamHandlerAnswersWithTheBytesItWrote(LambdaClient lambda) {
    String event = "{ \"spaced\" :  [1, 2.50, \"\\u00e9\"] }";
    Invocation result = lambda.invoke("echo-stream", event);
    assertEquals(event, result.assertSuccess().body(), "the bytes as they are, not re-encoded JSON");
    assertEquals("application/json", result.contentType());
  }

  @Test
  void aStreamHandlerMayWriteBytesThatAreNotText(LambdaClient lambda) throws Exception {
    InvokeResult result = lambda.lambda("binary-stream").invoke(new byte[0]);
    assertFalse(result.error(), result::toString);
    byte[] expected = new byte[256];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) i;
    }
    assertArrayEquals(expected, result.body());
  }

  @Test
  void anExceptionFromTheHandlerFailsTheInvocationAsItself(LambdaClient lambda) {
    Invocation result = lambda.invoke("place-order", new Order("c-1", List.of("book", "piano")));
    result.assertError("Runtime.UserException");
    assertEquals("out of stock: piano", result.errorMessage());
    assertTrue(result.body().contains("\"errorType\":\"java.lang.IllegalStateException\""), result.body());
    assertTrue(result.logged("Handler 'place-order' threw"), result.logs().toString());

    Invocation stream = lambda.invoke("echo-stream", "\"fail\"");
    stream.assertError("Runtime.UserException");
    assertTrue(stream.body().contains("\"errorType\":\"java.io.IOException\""), stream.body());
    assertEquals("the echo failed on purpose", stream.errorMessage());
  }

  @Test
  void anEventThatDoesNotFitTheEventTypeIsAnInvalidEvent(LambdaClient lambda) {
    Invocation result = lambda.invoke("place-order", "{\"customerId\":\"c-1\",\"skus\":[\"book\",{\"sku\":1}]}");
    result.assertError("Runtime.InvalidEvent");
    String message = result.errorMessage();
    assertTrue(message.startsWith("The event does not fit dev.lambdaguice.handlers.awscore.fixtures.Order at"
        + " $.skus[1]"), message);
    assertFalse(message.contains("sku\""), "the value is not repeated: " + message);
    lambda.invoke("place-order", "not json").assertError("Runtime.InvalidEvent");
    lambda.invoke("place-order", new Order("c-1", List.of("book"))).assertSuccess(); // the function goes on
  }

  @Test
  void theEventBytesReachAStreamHandlerUnchecked(LambdaClient lambda) throws Exception {
    byte[] notJson = {(byte) 0xff, 0, 'x'};
    InvokeResult result = lambda.lambda("echo-stream").invoke(notJson);
    assertFalse(result.error(), result::toString);
    assertArrayEquals(notJson, result.body());
    assertEquals("", lambda.invoke("echo-stream", "").assertSuccess().body(), "an empty event, an empty answer");
  }
}
