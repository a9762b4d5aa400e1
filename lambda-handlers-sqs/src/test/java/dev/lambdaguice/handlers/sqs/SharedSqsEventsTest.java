package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.SqsBatchEndToEndTest.failures;
import static dev.lambdaguice.handlers.sqs.SqsBatchEndToEndTest.messageIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import dev.lambdaguice.test.SharedEvents;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The SQS handlers against event samples from outside the repo (opt-in, see {@link SharedEvents}). */
@Tag(SharedEvents.TAG)
@LambdaTest(modules = SqsTestModule.class)
class SharedSqsEventsTest {

  /** Every SQS event sample. */
  private static final List<String> SQS = List.of("powertools-lambda-java/sqs_event.json",
      "powertools-lambda-java/sqs_event_big.json", "powertools-lambda-java/sqs_fifo_event.json",
      "aws-lambda-java-libs/sqs_event_nobody.json", "aws-lambda-java-libs/sqs_event_product.json",
      "powertools-lambda-python/sqsEvent.json", "powertools-lambda-python/snsSqsFifoEvent.json",
      "powertools-lambda-python/sqsDlqTriggerEvent.json", "aws-sam-cli/Sqs.json", "aws-lambda-go/sqs-event.json");
  private static final Gson GSON = new Gson();

  @BeforeAll
  static void samplesFolder() {
    SharedEvents.dir(); // fails the class at once when the folder is missing
  }

  @Test
  void theParserReadsWhatGsonReadsFromEverySample() throws Exception {
    for (String path : SQS) {
      String event = SharedEvents.read(path);
      SqsEvent parsed = SqsEventParser.parse(JsonParser.parseString(event));
      assertEquals(GSON.fromJson(event, SqsEvent.class), parsed, path);
      assertEquals(messageIds(event).size(), parsed.records().size(), path);
    }
  }

  @Test
  void everySampleSucceedsWithAnEmptyFailureList(LambdaClient lambda) {
    for (String path : SQS) {
      String event = SharedEvents.read(path);
      Invocation result = lambda.invoke("text", event);
      assertEquals("{\"batchItemFailures\":[]}", result.body(), path);
      assertEquals(messageIds(event), Journal.messageIds(result.requestId()), path + ": every record, in order");
    }
  }

  @Test
  void typedBodiesOfTheOrderSamplesAreRead(LambdaClient lambda) {
    for (String path : List.of("powertools-lambda-java/sqs_event.json", "powertools-lambda-java/sqs_event_big.json",
        "powertools-lambda-java/sqs_fifo_event.json", "aws-lambda-java-libs/sqs_event_product.json")) {
      String event = SharedEvents.read(path);
      Invocation result = lambda.invoke("orders", event);
      assertEquals(List.of(), failures(result), path);
      assertEquals(messageIds(event), Journal.messageIds(result.requestId()), path);
    }
  }

  @Test
  void samplesRecordsCarryEveryField() throws Exception {
    SqsMessage python = SqsEventParser.parse(JsonParser.parseString(
        SharedEvents.read("powertools-lambda-python/sqsEvent.json"))).records().get(0);
    assertEquals("059f36b4-87a3-44ab-83d2-661975830a7d", python.messageId());
    assertEquals("Test message.", python.body());
    assertEquals("1545082649183", python.attributes().get("SentTimestamp"));
    assertEquals(new SqsMessageAttribute("100", "base64Str", List.of(), List.of(), "Number"),
        python.messageAttributes().get("testAttr"));
    assertEquals("arn:aws:sqs:us-east-2:123456789012:my-queue", python.eventSourceARN());
    assertFalse(python.fifo());
    SqsMessage go = SqsEventParser.parse(JsonParser.parseString(SharedEvents.read("aws-lambda-go/sqs-event.json")))
        .records().get(0);
    assertEquals(List.of("MA==", "MQ==", "MA=="), go.messageAttributes().get("Attribute3").binaryListValues());
    assertEquals(List.of("abc", "123"), go.messageAttributes().get("Attribute3").stringListValues());
    SqsMessage fifo = SqsEventParser.parse(JsonParser.parseString(
        SharedEvents.read("powertools-lambda-python/snsSqsFifoEvent.json"))).records().get(0);
    assertEquals("powertools-test", fifo.messageGroupId());
    assertTrue(fifo.fifo());
  }

  @Test
  void otherServicesSamplesAreInvocationErrors(LambdaClient lambda) {
    for (String path : List.of("aws-lambda-java-libs/apigw_rest_event.json", "aws-lambda-go/apigw-request.json",
        "powertools-lambda-python/apiGatewayProxyV2Event.json", "aws-lambda-go/sns-event.json",
        "powertools-lambda-python/s3Event.json", "aws-lambda-java-libs/cloudwatch_event.json")) {
      SqsBatchEndToEndTest.assertInvalidSqsEvent(lambda, "text", SharedEvents.read(path));
    }
  }

  @Test
  void theSampleBatchResponseIsRead() {
    SqsBatchResponse sample = GSON.fromJson(SharedEvents.read("aws-lambda-java-libs/sqs_batch_response.json"),
        SqsBatchResponse.class);
    assertEquals(List.of("059f36b4-87a3-44ab-83d2-661975830a7d"), sample.failedMessageIds());
  }
}
