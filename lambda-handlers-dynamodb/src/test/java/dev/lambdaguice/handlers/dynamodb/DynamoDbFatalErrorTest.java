package dev.lambdaguice.handlers.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An {@link Error} in a record handler ends the runtime, end to end; apart, since it ends its key's runtime. */
@LambdaTest(modules = DynamoDbTestModule.class)
class DynamoDbFatalErrorTest {

  @Test
  void anErrorFailsTheInvocationAndEndsTheRuntime(LambdaClient lambda) throws Exception {
    JsonObject event = JsonParser.parseString(Events.read("dynamodb-new-and-old-images.json")).getAsJsonObject();
    JsonObject title = new JsonObject();
    title.addProperty("S", "error");
    event.getAsJsonArray("Records").get(1).getAsJsonObject().getAsJsonObject("dynamodb")
        .getAsJsonObject("NewImage").add("title", title);
    Invocation result = lambda.invoke("books", event);
    assertEquals("Runtime.FatalError", result.errorType());
    assertTrue(result.body().contains("\"errorType\":\"java.lang.OutOfMemoryError\""), result.body());
    assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, lambda.exitCode("books").get(60, TimeUnit.SECONDS));
    assertEquals(List.of("111000000000000000000001", "111000000000000000000002"),
        Journal.sequenceNumbers(result.requestId()));
  }
}
