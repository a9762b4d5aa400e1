package dev.lambdaguice.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * {@link LambdaClient#invokeStreaming} through the kit: a handler that does not stream answers in one piece, and
 * the end is checked like an {@link Invocation}'s. (Streamed bytes through the local server are covered by
 * lambda-runtime-local's {@code StreamingResponseTest}.)
 */
@LambdaTest(modules = GreetingModule.class)
class StreamedInvocationTest {

  @Test
  void aBufferedHandlerReadsAsOnePieceAndSucceeds(LambdaClient lambda) {
    try (StreamedInvocation stream = lambda.invokeStreaming("greet", "{\"name\":\"Ada\"}")) {
      assertFalse(stream.streamed());
      assertEquals("application/json", stream.contentType());
      assertEquals("\"Hel", stream.read(4));
      assertEquals("lo, Ada!\"", stream.readRest());
      assertFalse(stream.assertSuccess().result().error());
    }
  }

  @Test
  void anErrorIsCheckedAtTheEndAndTheRuntimeServesOn(LambdaClient lambda) {
    try (StreamedInvocation stream = lambda.invokeStreaming("greet", "{}")) {
      stream.assertError("Runtime.UserException");
      AssertionFailedError error = assertThrows(AssertionFailedError.class, stream::assertSuccess);
      assertTrue(error.getMessage().contains("name is missing"), error.getMessage());
      assertTrue(error.getMessage().contains("a greeting without a name"), "names the log lines: " + error.getMessage());
      assertThrows(AssertionFailedError.class, () -> stream.assertError("Runtime.InvalidEvent"));
    }
    lambda.invoke("greet", "{\"name\":\"again\"}").assertSuccess();
  }
}
