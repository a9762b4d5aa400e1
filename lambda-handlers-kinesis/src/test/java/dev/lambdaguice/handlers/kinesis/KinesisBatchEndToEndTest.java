package dev.lambdaguice.handlers.kinesis;

import static dev.lambdaguice.handlers.kinesis.KinesisEvents.batch;
import static dev.lambdaguice.handlers.kinesis.KinesisEvents.sequenceNumber;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.handlers.batch.BatchResponse;
import dev.lambdaguice.handlers.kinesis.KinesisTestModule.Click;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinesis batch handlers served by the real runtime loop, in-process over real HTTP, with the owned fixtures in
 * {@code src/test/resources/events} and batches built in code from them.
 */
@LambdaTest(modules = KinesisTestModule.class)
class KinesisBatchEndToEndTest {

  private static final String S = "4965706081228801455888866824826384776390001782016704512";
  private static final String T = "4965706081228801455888866824826384776390001782016704";
  private static final String LOGGER = KinesisHandlers.class.getPackageName();

  /** The sequence numbers a batch response names, checking it is one. */
  static List<String> failures(Invocation result) {
    result.assertSuccess();
    assertEquals("application/json", result.contentType());
    return result.bodyAs(BatchResponse.class).itemIdentifiers();
  }

  @Test
  void typedDataReachesTheHandlerWithEveryFieldOfItsRecord(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("clicks", "kinesis-batch.json");
    assertEquals("{\"batchItemFailures\":[]}", result.assertSuccess().body());
    List<Journal.Call> calls = Journal.calls(result.requestId());
    assertEquals(List.of(new Click(1, "/home"), new Click(2, "/books/978-0134685991"), new Click(3, "/café")),
        calls.stream().map(Journal.Call::data).toList(), "decoded from base64, UTF-8, read by Gson, in order");
    KinesisRecord first = calls.get(0).record();
    assertEquals(new KinesisRecord("user-1", S + "1", "eyJpZCI6IDEsICJwYWdlIjogIi9ob21lIn0=",
        Instant.parse("2025-12-04T12:00:00.123Z"), "KMS", "1.0", "shardId-000000000000:" + S + "1",
        "shardId-000000000000", "aws:kinesis:record", "aws:kinesis", "1.0", KinesisEvents.STREAM, "eu-west-1",
        "arn:aws:iam::123456789012:role/clicks-consumer"), first);
    assertEquals(Instant.parse("2025-12-04T12:00:00.500Z"), calls.get(1).record().approximateArrivalTimestamp());
    assertEquals("NONE", calls.get(1).record().encryptionType());
    assertEquals(Instant.parse("2025-12-04T12:00:01Z"), calls.get(2).record().approximateArrivalTimestamp());
    assertTrue(result.logs().stream().noneMatch(line -> line.contains(LOGGER)), "nothing is logged on success");
  }

  @Test
  void bytesArriveAsTheProducerPutThemEvenEmptyOrAggregated(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("bytes", "kinesis-odd-records.json");
    assertEquals(List.of(), failures(result));
    List<Journal.Call> calls = Journal.calls(result.requestId());
    assertEquals(List.of(S + "4", S + "5", S + "6", S + "7"), Journal.sequenceNumbers(result.requestId()));
    assertArrayEquals(new byte[0], (byte[]) calls.get(0).data(), "empty data is zero bytes");
    byte[] aggregated = (byte[]) calls.get(1).data();
    assertArrayEquals(new byte[] {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2},
        Arrays.copyOf(aggregated, 4), "a KPL-aggregated record keeps its magic number: not de-aggregated");
    assertArrayEquals(new byte[] {0x00, (byte) 0xFF, (byte) 0xFE, (byte) 0x80, 0x7F}, (byte[]) calls.get(2).data());
    KinesisRecord minimal = calls.get(3).record();
    assertArrayEquals("plain text".getBytes(StandardCharsets.UTF_8), (byte[]) calls.get(3).data());
    assertNull(minimal.approximateArrivalTimestamp(), "optional fields may be missing");
    assertNull(minimal.encryptionType());
    assertNull(minimal.kinesisSchemaVersion());
    assertEquals("shardId-000000000003", minimal.shardId());
  }

  @Test
  void dataThatIsNotUtf8FailsATextRecordAndStopsItsShard(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("text", "kinesis-odd-records.json");
    assertEquals(List.of(S + "5"), failures(result), "the aggregated record is binary, not text");
    assertEquals(List.of(S + "4"), Journal.sequenceNumbers(result.requestId()),
        "the empty record is empty text; the records after the failure are not handled");
    assertTrue(result.logged("WARN " + LOGGER + " Kinesis record " + S + "5 of shardId-000000000003 failed in"
        + " handler 'text': its data is not UTF-8 text, as java.lang.String needs; read it as byte[]"),
        result.logs().toString());
    assertTrue(result.logged("Kinesis record " + S + "5 of shardId-000000000003 stopped its shard in handler"
        + " 'text': 2 later records were not handled; Lambda retries from this record"), result.logs().toString());
  }

  @Test
  void aFailureInTheMiddleNamesThatRecordAndLeavesTheRestOfTheShard(LambdaClient lambda) {
    Invocation result = lambda.invoke("text", batch("one", "two", "fail three", "four", "five"));
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequenceNumber(2) + "\"}]}", result.body());
    assertEquals(List.of(sequenceNumber(0), sequenceNumber(1), sequenceNumber(2)),
        Journal.sequenceNumbers(result.requestId()));
    assertTrue(result.logged("Kinesis record " + sequenceNumber(2) + " of shardId-000000000000 failed in handler"
        + " 'text': java.lang.IllegalStateException: scripted failure"), result.logs().toString());
  }

  @Test
  void twoShardsInOneEventStopOnlyTheShardThatFailed(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("text", "kinesis-two-shards.json");
    assertEquals(List.of(T + "002"), failures(result));
    assertEquals(List.of(T + "001", T + "101", T + "002", T + "102"), Journal.sequenceNumbers(result.requestId()),
        "shard 1 goes on after shard 0 failed; shard 0's a2 is not handled");
  }

  @Test
  void aFailureInEachShardNamesTheFirstFailureOfEach(LambdaClient lambda) {
    JsonArray records = new JsonArray();
    records.add(KinesisEvents.record(0, sequenceNumber(1), KinesisEvents.base64("fail a")));
    records.add(KinesisEvents.record(1, sequenceNumber(2), KinesisEvents.base64("ok b")));
    records.add(KinesisEvents.record(1, sequenceNumber(3), KinesisEvents.base64("fail b")));
    records.add(KinesisEvents.record(0, sequenceNumber(4), KinesisEvents.base64("fail again a")));
    records.add(KinesisEvents.record(1, sequenceNumber(5), KinesisEvents.base64("fail again b")));
    JsonObject event = new JsonObject();
    event.add("Records", records);
    Invocation result = lambda.invoke("text", event);
    assertEquals(List.of(sequenceNumber(1), sequenceNumber(3)), failures(result));
  }

  @Test
  void aHugeBatchOfTenThousandRecordsIsServedInOrder(LambdaClient lambda) {
    String[] texts = new String[10_000];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = "r" + i;
    }
    String event = batch(texts).toString();
    assertTrue(event.length() > 5_500_000, "Kinesis's largest batch: 10,000 records, near Lambda's 6 MB: "
        + event.length());
    Invocation result = lambda.invoke("text", event);
    assertEquals("{\"batchItemFailures\":[]}", result.assertSuccess().body());
    List<String> handled = Journal.sequenceNumbers(result.requestId());
    assertEquals(10_000, handled.size());
    List<String> expected = new ArrayList<>(texts.length);
    for (int i = 0; i < texts.length; i++) {
      expected.add(sequenceNumber(i));
    }
    assertEquals(expected, handled);
  }

  @Test
  void aFailureEarlyInAHugeBatchLogsTwoLinesNotThousands(LambdaClient lambda) {
    String[] texts = new String[10_000];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = i == 10 ? "fail" : "r" + i;
    }
    Invocation result = lambda.invoke("text", batch(texts));
    assertEquals(List.of(sequenceNumber(10)), failures(result));
    assertEquals(11, Journal.sequenceNumbers(result.requestId()).size());
    List<String> ours = result.logs().stream().filter(line -> line.contains(" WARN " + LOGGER + " ")).toList();
    assertEquals(2, ours.size(), ours.toString());
    assertTrue(ours.get(1).contains("9989 later records were not handled"), ours.get(1));
  }

  @Test
  void dataThatIsNotBase64OrDoesNotFitFailsItsRecordWithoutQuotingIt(LambdaClient lambda) {
    JsonArray records = new JsonArray();
    records.add(KinesisEvents.record(0, sequenceNumber(1), "!!secret-not-base64!!"));
    records.add(KinesisEvents.record(1, sequenceNumber(2), KinesisEvents.base64("{\"id\": \"secret\"}")));
    records.add(KinesisEvents.record(2, sequenceNumber(3), ""));
    records.add(KinesisEvents.record(3, sequenceNumber(4), KinesisEvents.base64("{\"id\": 4, \"page\": \"/\"} x")));
    JsonObject event = new JsonObject();
    event.add("Records", records);
    Invocation result = lambda.invoke("clicks", event);
    assertEquals(List.of(sequenceNumber(1), sequenceNumber(2), sequenceNumber(3), sequenceNumber(4)),
        failures(result));
    assertEquals(List.of(), Journal.sequenceNumbers(result.requestId()));
    String click = Click.class.getName();
    assertTrue(result.logged("Kinesis record " + sequenceNumber(1) + " of shardId-000000000000 failed in handler"
        + " 'clicks': its data is not base64"), result.logs().toString());
    assertTrue(result.logged("Kinesis record " + sequenceNumber(2) + " of shardId-000000000001 failed in handler"
        + " 'clicks': its data does not fit " + click + " (com.google.gson.JsonSyntaxException caused by"
        + " java.lang.NumberFormatException)"), result.logs().toString());
    assertTrue(result.logged("its data is empty, not JSON for " + click), result.logs().toString());
    assertTrue(result.logged("its data does not fit " + click + " (com.google.gson.stream.MalformedJsonException)"),
        result.logs().toString());
    assertFalse(result.logged("stopped its shard"), "no shard had records left to stop");
    assertFalse(result.logs().toString().contains("secret"), "the data is never logged");
  }

  @Test
  void aJsonTreeHandlerGetsTheParsedData(LambdaClient lambda) {
    Invocation result = lambda.invoke("tree", batch("{\"a\": [1, 2]}", "\"text\""));
    assertEquals(List.of(), failures(result));
    assertEquals(List.of(JsonParser.parseString("{\"a\": [1, 2]}"), JsonParser.parseString("\"text\"")),
        Journal.calls(result.requestId()).stream().map(Journal.Call::data).toList());
  }

  @Test
  void anExceptionWhoseMessageCannotBeReadIsLoggedByItsClassAndAnInterruptDoesNotReachTheNextRecord(
      LambdaClient lambda) {
    Invocation hostile = lambda.invoke("text", batch("hostile"));
    assertEquals(List.of(sequenceNumber(0)), failures(hostile));
    assertTrue(hostile.logged("failed in handler 'text': " + KinesisTestModule.TextHandler.HostileException.class
        .getName() + " (its message or stack trace could not be read)"), hostile.logs().toString());
    Invocation interrupted = lambda.invoke("text", batch("interrupt", "check-interrupt"));
    assertEquals(List.of(), failures(interrupted));
    assertEquals(2, Journal.sequenceNumbers(interrupted.requestId()).size());
  }

  @Test
  void anEventThatIsNotAKinesisBatchFailsTheInvocationAndTheRuntimeKeepsServing(LambdaClient lambda) {
    assertInvalid(lambda, "{}", "it has no \"Records\" array");
    assertInvalid(lambda, "[1]", "expected a JSON object with a \"Records\" array, got an array");
    assertInvalid(lambda, "{\"Records\": {}}", "\"Records\" is an object, not an array");
    assertInvalid(lambda, "{\"Records\": [\"secret\"]}", "record 0 is a string, not an object");
    JsonObject sqs = KinesisEvents.record(0, "1", "");
    sqs.addProperty("eventSource", "aws:sqs");
    assertInvalid(lambda, events(sqs), "record 0 has the \"eventSource\" of another service, not aws:kinesis");
    JsonObject noKinesis = KinesisEvents.record(0, "1", "");
    noKinesis.remove("kinesis");
    assertInvalid(lambda, events(noKinesis), "record 0 has no \"kinesis\" object");
    JsonObject noSequence = KinesisEvents.record(0, "1", "");
    noSequence.getAsJsonObject("kinesis").remove("sequenceNumber");
    assertInvalid(lambda, events(KinesisEvents.record(0, "0", ""), noSequence),
        "record 1 has no \"kinesis.sequenceNumber\"");
    JsonObject noData = KinesisEvents.record(0, "1", "");
    noData.getAsJsonObject("kinesis").remove("data");
    assertInvalid(lambda, events(noData), "record 0 has no \"kinesis.data\"");
    JsonObject numericData = KinesisEvents.record(0, "1", "");
    numericData.getAsJsonObject("kinesis").addProperty("data", 42);
    assertInvalid(lambda, events(numericData), "record 0 field \"kinesis.data\" is a number, not a string");
    JsonObject textTime = KinesisEvents.record(0, "1", "");
    textTime.getAsJsonObject("kinesis").addProperty("approximateArrivalTimestamp", "secret");
    assertInvalid(lambda, events(textTime),
        "record 0 field \"kinesis.approximateArrivalTimestamp\" is a string, not a number");
    Invocation after = lambda.invokeEvent("clicks", "kinesis-batch.json");
    assertEquals(List.of(), failures(after), "the runtime keeps serving");
  }

  @Test
  void anEmptyBatchSucceeds(LambdaClient lambda) {
    assertEquals("{\"batchItemFailures\":[]}", lambda.invoke("clicks", "{\"Records\": []}").assertSuccess().body());
  }

  private static JsonObject events(JsonObject... records) {
    JsonArray array = new JsonArray();
    for (JsonObject record : records) {
      array.add(record);
    }
    JsonObject event = new JsonObject();
    event.add("Records", array);
    return event;
  }

  private static void assertInvalid(LambdaClient lambda, Object event, String problem) {
    Invocation result = event instanceof String json ? lambda.invoke("clicks", json) : lambda.invoke("clicks", event);
    result.assertError("Runtime.InvalidEvent");
    assertTrue(result.body().contains("\"errorType\":\"Runtime.InvalidEvent\""), result.body());
    assertEquals("The event is not a Kinesis batch: " + problem, result.errorMessage());
    assertFalse(result.body().contains("secret"), "the event is never quoted");
  }
}
