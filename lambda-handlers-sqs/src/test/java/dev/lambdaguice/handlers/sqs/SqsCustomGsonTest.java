package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An SQS batch handler in an application with its own Gson ({@link CustomGsonModule}), end to end. */
@LambdaTest(modules = CustomGsonModule.class)
class SqsCustomGsonTest {

  @Test
  void theResponseKeepsLambdaNamesWhateverTheApplicationGson(LambdaClient lambda) {
    Invocation result = lambda.invoke("orders", batch(record("good", "{\"Id\": 1, \"Name\": \"a\", \"Price\": 5}"),
        record("bad", "{\"Id\": 2, \"Name\": \"b\", \"Price\": -5}")));
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"bad\"}]}", result.body());
    assertEquals(List.of("good", "bad"), Journal.messageIds(result.requestId()),
        "bodies are read with the application's Gson");
  }
}
