package dev.lambdaguice.handlers.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SNS events, and SNS through SQS, served by the real runtime; fixtures in src/test/resources/events. */
@LambdaTest(modules = SnsTestModule.class)
class SnsHandlerEndToEndTest {

  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:orders";

  @Test
  void aTypedMessageReachesTheHandlerWithEveryFieldOfItsNotification(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("orders", "sns-notification.json");
    assertEquals("null", result.assertSuccess().body());
    assertTrue(result.logged("order 42 for Bob [book, pen] | Notification 95df01b4-ee98-5cb9-9903-4c221d41eb5e "
        + TOPIC + " subject=order placed at 2026-11-30T12:00:00.000Z priority=high weight=2.5"
        + " blob=SnsMessageAttribute[type=Binary, value=aGVsbG8=] signed=1/172"
        + " cert=https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem"
        + " unsubscribe=https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn="), result.logs()
        .toString());
  }

  @Test
  void aTextHandlerGetsEachMessageAsPublishedInRecordOrder(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("alerts", "sns-two-plain-text.json");
    result.assertSuccess();
    List<String> alerts = result.logs().stream().filter(line -> line.contains(" alert [")).toList();
    assertEquals(2, alerts.size(), result.logs().toString());
    assertTrue(alerts.get(0).endsWith("alert [disk almost full on host-1] m-first subject=null attributes={}"),
        alerts.get(0));
    assertTrue(alerts.get(1).endsWith("alert [] m-second subject=null attributes={}"), "an empty message, and no"
        + " MessageAttributes at all, are fine for text: " + alerts.get(1));
  }

  @Test
  void aMessageThatDoesNotFitFailsTheInvocationWithoutQuotingIt(LambdaClient lambda) {
    JsonObject event = JsonParser.parseString(Events.read("sns-notification.json")).getAsJsonObject();
    event.getAsJsonArray("Records").get(0).getAsJsonObject().getAsJsonObject("Sns")
        .addProperty("Message", "{\"id\": \"not-a-number-secret\"}");
    Invocation result = lambda.invoke("orders", event);
    result.assertError("Runtime.UserException");
    assertTrue(result.body().contains("\"errorType\":\"dev.lambdaguice.handlers.sns.UnreadableSnsMessageException\""),
        result.body());
    assertTrue(result.errorMessage().startsWith("SNS message 95df01b4-ee98-5cb9-9903-4c221d41eb5e of " + TOPIC
        + " does not fit dev.lambdaguice.handlers.sns.SnsTestModule$Order ("), result.errorMessage());
    assertFalse(result.body().contains("secret") || result.logs().toString().contains("secret"),
        "the message text is never quoted");
  }

  @Test
  void aHandlerExceptionFailsTheDeliverySoSnsRetriesIt(LambdaClient lambda) {
    JsonObject event = JsonParser.parseString(Events.read("sns-two-plain-text.json")).getAsJsonObject();
    event.getAsJsonArray("Records").get(0).getAsJsonObject().getAsJsonObject("Sns").addProperty("Message", "fail");
    Invocation result = lambda.invoke("alerts", event);
    result.assertError("Runtime.UserException");
    assertTrue(result.body().contains("\"errorType\":\"java.lang.IllegalStateException\""), result.body());
    assertTrue(result.logged("SNS message m-first of arn:aws:sns:eu-west-1:123456789012:alerts failed in handler"
        + " 'alerts'; the delivery fails, and SNS retries it"), result.logs().toString());
    assertFalse(result.logged(" alert ["), "the second record is not handled after the first failed");
  }

  @Test
  void anEventThatIsNotAnSnsEventIsNamedAsSuch(LambdaClient lambda) {
    Invocation noRecords = lambda.invoke("orders", "{}");
    assertEquals("The event of handler 'orders' is not an SNS event: it has no Records", noRecords.errorMessage());
    Invocation sqs = lambda.invokeEvent("orders", "sqs-sns-raw.json");
    assertEquals("Record 0 of the event of handler 'orders' has no Sns notification: not an SNS event",
        sqs.errorMessage());
    sqs.assertError("Runtime.InvalidEvent");
    lambda.invoke("orders", "[1,2]").assertError("Runtime.InvalidEvent");
  }

  @Test
  void snsThroughSqsWithRawDeliveryOffReadsTheEnvelope(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("sqs-envelope", "sqs-sns-envelope.json");
    assertEquals("{\"batchItemFailures\":[]}", result.assertSuccess().body());
    assertTrue(result.logged("enveloped order 7 for Ada via sqs-1 | sns-1 " + TOPIC + " priority=low"
        + " cert=https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem"
        + " unsubscribe=https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe seq=null"),
        result.logs().toString());
    assertTrue(result.logged("enveloped order 9 for Ada via sqs-2 | sns-2"
        + " arn:aws:sns:eu-west-1:123456789012:orders.fifo priority=null cert=null"
        + " unsubscribe=https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe"
        + " seq=10000000000000004000"), "a FIFO topic's envelope: numbered, unsigned: " + result.logs());
  }

  @Test
  void snsThroughSqsWithRawDeliveryOnIsTheMessageItself(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("sqs-raw", "sqs-sns-raw.json");
    assertEquals(JsonParser.parseString("{\"batchItemFailures\":[]}"),
        JsonParser.parseString(result.assertSuccess().body()));
    assertTrue(result.logged("raw order 8 for Grace priority=high"), result.logs().toString());
  }
}
