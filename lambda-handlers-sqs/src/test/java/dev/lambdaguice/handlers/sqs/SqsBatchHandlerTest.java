package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import dev.lambdaguice.handlers.batch.ParallelRunner;
import dev.lambdaguice.handlers.batch.UnreadableDataException;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The batch handler called directly: value types, JSON forms, logging, errors. */
@CaptureLogs
class SqsBatchHandlerTest {

  private static final Gson GSON = new Gson();

  private static SqsBatchHandler text(int parallelism) {
    return new SqsBatchHandler("text", new ScriptedHandler(), BodyReader.forType(String.class, GSON),
        parallelism > 1 ? new ParallelRunner("sqs-test", parallelism) : null);
  }

  /**
   * What the SQS handlers logged in this test, each line as {@code LEVEL message} (the logger's name taken out; a
   * thrown exception's stack trace follows the message after a {@code \r}).
   */
  private static List<String> sqsLines(CapturedLogs logs) {
    String logger = " " + SqsHandlers.class.getPackageName() + " ";
    return logs.containing(logger).stream().map(line -> line.replaceFirst(Pattern.quote(logger), " ")).toList();
  }

  private static SqsBatchResponse handle(SqsBatchHandler handler, String event, LambdaContext context)
      throws Exception {
    return handler.handle(JsonParser.parseString(event), context);
  }

  @Test
  void theParserReadsWhatGsonReadsFromEveryFixture() throws Exception {
    for (String path : EventFixtures.ALL_SQS) {
      String event = EventFixtures.read(path);
      SqsEvent parsed = SqsEventParser.parse(JsonParser.parseString(event));
      assertEquals(GSON.fromJson(event, SqsEvent.class), parsed, path);
      assertEquals(EventFixtures.records(EventFixtures.json(path)).size(), parsed.records().size(), path);
    }
  }

  @Test
  void theParserReadsEveryFieldOfEveryFixture() throws Exception {
    for (String path : EventFixtures.ALL_SQS) {
      JsonArray records = EventFixtures.records(EventFixtures.json(path));
      List<SqsMessage> parsed = SqsEventParser.parse(JsonParser.parseString(EventFixtures.read(path))).records();
      for (int i = 0; i < records.size(); i++) {
        assertWritten(records.get(i), GSON.toJsonTree(parsed.get(i)), path + " record " + i);
      }
    }
  }

  /** Every member of {@code fixture}, at any depth, is in {@code written} with the same value. */
  private static void assertWritten(JsonElement fixture, JsonElement written, String where) {
    if (fixture.isJsonObject()) {
      assertTrue(written != null && written.isJsonObject(), where + " is not an object when written");
      for (Map.Entry<String, JsonElement> member : fixture.getAsJsonObject().entrySet()) {
        assertWritten(member.getValue(), written.getAsJsonObject().get(member.getKey()),
            where + "." + member.getKey());
      }
    } else {
      assertEquals(fixture, written, where + " was not read");
    }
  }

  @Test
  void recordsCarryEveryFieldOfTheEvent() throws Exception {
    SqsMessage standard = SqsEventParser.parse(JsonParser.parseString(
        EventFixtures.read(EventFixtures.STANDARD))).records().get(0);
    assertEquals("5b0f2f9c-6d1e-4a3b-9c7e-1f2a3b4c5d01", standard.messageId());
    assertEquals("AQEBr7yJ0q5wZ2m8k1Lx3dPq9sT4vN6hF0cB2aE5gI7jK8lM1nO3pQ5rS7tU9vW==", standard.receiptHandle());
    assertEquals("{\"id\": 1001, \"name\": \"notebook\", \"price\": 12}", standard.body());
    assertEquals(Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1764720000000",
        "SenderId", "AIDAEXAMPLESENDER0001", "ApproximateFirstReceiveTimestamp", "1764720000012"),
        standard.attributes());
    assertEquals(Map.of("origin", new SqsMessageAttribute("checkout", null, List.of(), List.of(), "String")),
        standard.messageAttributes());
    assertEquals("9a0364b9e99bb480dd25e1f0284c8555", standard.md5OfBody());
    assertEquals("aws:sqs", standard.eventSource());
    assertEquals("arn:aws:sqs:eu-west-1:123456789012:orders", standard.eventSourceARN());
    assertEquals("eu-west-1", standard.awsRegion());
    assertEquals(null, standard.messageGroupId());
    assertFalse(standard.fifo());

    Map<String, SqsMessageAttribute> attributes = SqsEventParser.parse(JsonParser.parseString(
        EventFixtures.read(EventFixtures.ATTRIBUTES))).records().get(0).messageAttributes();
    assertEquals(new SqsMessageAttribute("DHL", null, List.of(), List.of(), "String"), attributes.get("carrier"));
    assertEquals(new SqsMessageAttribute("12.5", null, List.of(), List.of(), "Number.float"),
        attributes.get("weightKg"));
    assertEquals(new SqsMessageAttribute(null, "iVBORw0KGgo=", List.of(), List.of(), "Binary"),
        attributes.get("label"));
    assertEquals(new SqsMessageAttribute(null, null, List.of("a", "b"), List.of("AA==", "/w=="), "String.list"),
        attributes.get("legacy"));

    SqsMessage fifo = SqsEventParser.parse(JsonParser.parseString(
        EventFixtures.read(EventFixtures.FIFO))).records().get(1);
    assertEquals("customer-42", fifo.messageGroupId());
    assertEquals("18897342185392154880", fifo.attributes().get("SequenceNumber"));
    assertEquals("order-2002", fifo.attributes().get("MessageDeduplicationId"));
    assertTrue(fifo.fifo());
    SqsMessage fair = SqsEventParser.parse(JsonParser.parseString(
        EventFixtures.read(EventFixtures.FAIR))).records().get(0);
    assertEquals("tenant-a", fair.messageGroupId());
    assertTrue(fair.fifo(), "a group id alone makes the order count");
    assertTrue(new SqsMessage("m", null, null, Map.of(), Map.of(), null, null, "arn:aws:sqs:r:1:q.fifo", null).fifo());

    List<SqsMessage> bodies = SqsEventParser.parse(JsonParser.parseString(
        EventFixtures.read(EventFixtures.EMPTY_AND_MISSING_BODY))).records();
    assertEquals("", bodies.get(0).body());
    assertEquals(null, bodies.get(1).body());
    assertEquals(Map.of(), bodies.get(1).messageAttributes(), "no messageAttributes is none, not null");
    assertEquals(null, bodies.get(1).md5OfBody());
  }

  @Test
  void theResponseHasLambdasExactFormWhateverTheGson() {
    SqsBatchResponse response = new SqsBatchResponse(List.of(new BatchItemFailure("a"), new BatchItemFailure("b\"")));
    String expected = "{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"b\\\"\"}]}";
    for (Gson gson : List.of(GSON, new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.UPPER_CAMEL_CASE)
        .create(), new GsonBuilder().excludeFieldsWithoutExposeAnnotation().serializeNulls().create())) {
      assertEquals(expected, gson.toJson(response));
      assertEquals("{\"batchItemFailures\":[]}", gson.toJson(SqsBatchResponse.success()));
      assertEquals(response, gson.fromJson(expected, SqsBatchResponse.class));
    }
    SqsBatchResponse sample = GSON.fromJson(EventFixtures.read(EventFixtures.BATCH_RESPONSE), SqsBatchResponse.class);
    assertEquals(List.of("5b0f2f9c-6d1e-4a3b-9c7e-1f2a3b4c5d02"), sample.failedMessageIds());
    assertEquals(JsonParser.parseString(EventFixtures.read(EventFixtures.BATCH_RESPONSE)),
        JsonParser.parseString(GSON.toJson(sample)), "written back as Lambda reads it");
    assertEquals(List.of(), new SqsBatchResponse(null).batchItemFailures());
  }

  @Test
  void failuresAreLoggedWithTheirMessageIdAndNeverTheBody(CapturedLogs logs) throws Exception {
    SqsBatchHandler orders = new SqsBatchHandler("orders", new OrderHandler(), BodyReader.forType(Order.class, GSON),
        null);
    String event = batch(record("ok-1", "{\"id\": 1, \"name\": \"hunter2\", \"price\": 1}"),
        record("negative-2", "{\"id\": 2, \"name\": \"hunter2\", \"price\": -1}"),
        record("unreadable-3", "{\"id\": \"hunter2\", \"price\": 1}"),
        record("broken-4", "{\"name\": \"hunter2\""),
        record("ok-5", "{\"id\": 5, \"name\": \"hunter2\", \"price\": 5}"));
    SqsBatchResponse response = handle(orders, event, Contexts.next());
    assertEquals(List.of("negative-2", "unreadable-3", "broken-4"), response.failedMessageIds());
    List<String> lines = sqsLines(logs);
    assertEquals(3, lines.size(), "one line per failed record, none for the others: " + lines);
    assertTrue(lines.get(0).startsWith("WARNING SQS record negative-2 failed in handler 'orders': "
        + "java.lang.IllegalArgumentException: an order needs a price of 0 or more"), lines.get(0));
    assertTrue(lines.get(1).startsWith("WARNING SQS record unreadable-3 failed in handler 'orders': its body does"
        + " not fit dev.lambdaguice.handlers.sqs.Order (com.google.gson.JsonSyntaxException caused by"
        + " java.lang.NumberFormatException)"), lines.get(1));
    assertTrue(lines.get(2).startsWith("WARNING SQS record broken-4 failed"), lines.get(2));
    for (String line : logs.lines()) {
      assertFalse(line.contains("hunter2"), "the body is never logged: " + line);
    }
  }

  @Test
  void skippedFifoRecordsAndHostileExceptionsAreLogged(CapturedLogs logs) throws Exception {
    String queue = "arn:aws:sqs:eu-west-1:123456789012:orders.fifo";
    SqsBatchResponse response = handle(text(1), batch(record("a", "hostile", "g", queue),
        record("b", "ok", "g", queue)), Contexts.next());
    assertEquals(List.of("a", "b"), response.failedMessageIds());
    assertEquals(List.of("WARNING SQS record a failed in handler 'text': "
            + ScriptedHandler.HostileException.class.getName() + " (its message or stack trace could not be read)",
        "WARNING SQS record b not handled by handler 'text': an earlier record of its message group failed"),
        sqsLines(logs), "both at WARNING, with no stack trace");
  }

  @Test
  void anErrorEndsTheBatchAndPropagates() throws Exception {
    LambdaContext context = Contexts.next();
    String event = batch(record("a", "ok"), record("b", "error"), record("c", "ok"));
    OutOfMemoryError error = assertThrows(OutOfMemoryError.class, () -> handle(text(1), event, context));
    assertEquals("scripted error", error.getMessage());
    assertEquals(List.of("a", "b"), Journal.messageIds(context.requestId()), "nothing runs after the Error");
  }

  @Test
  void anErrorOnAPoolThreadPropagatesOnceEveryThreadIsDone() throws Exception {
    SqsBatchHandler parallel = text(3);
    for (int round = 0; round < 3; round++) { // the pool survives the Error and serves the next batches
      LambdaContext context = Contexts.next();
      String event = batch(record("a", "ok"), record("b", "error"), record("c", "ok"), record("d", "ok"));
      OutOfMemoryError error = assertThrows(OutOfMemoryError.class, () -> handle(parallel, event, context));
      assertEquals("scripted error", error.getMessage());
      assertTrue(Journal.messageIds(context.requestId()).contains("b"));
      assertEquals(List.of("b"), handle(parallel, batch(record("a", "ok"), record("b", "fail"), record("c", "ok")),
          Contexts.next()).failedMessageIds());
    }
  }

  @Test
  void interruptsAreClearedBetweenRecordsOnEveryThread() throws Exception {
    for (SqsBatchHandler handler : List.of(text(1), text(2))) {
      String[] bodies = {"interrupt", "check-interrupt", "interrupt", "check-interrupt", "interrupt",
          "check-interrupt"};
      List<JsonObject> records = new ArrayList<>();
      for (int i = 0; i < bodies.length; i++) {
        records.add(record("m" + i, bodies[i]));
      }
      assertEquals(List.of(), handle(handler, batch(records.toArray(JsonObject[]::new)),
          Contexts.next()).failedMessageIds());
      assertFalse(Thread.interrupted(), "the invocation's thread is not left interrupted");
    }
  }

  @Test
  void invalidEventMessagesNeverQuoteTheEvent() {
    for (String event : List.of("{\"Records\":[{\"messageId\":\"m\",\"body\":{\"s\":\"hunter2\"}}]}",
        "{\"Records\":[{\"messageId\":\"m\",\"attributes\":{\"MessageGroupId\":[\"hunter2\"]}}]}",
        "{\"Records\":[{\"messageId\":\"m\",\"eventSource\":\"hunter2\"}]}", "\"hunter2\"",
        "{\"Records\":\"hunter2\"}", "{\"Records\":[\"hunter2\"]}")) {
      InvalidSqsEventException e = assertThrows(InvalidSqsEventException.class,
          () -> SqsEventParser.parse(JsonParser.parseString(event)));
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
    assertEquals("The event is not an SQS batch: record 1 field \"messageAttributes.a.stringListValues[]\" is a"
            + " number, not a string",
        assertThrows(InvalidSqsEventException.class, () -> SqsEventParser.parse(JsonParser.parseString(
            "{\"Records\":[{\"messageId\":\"m\"},{\"messageId\":\"n\",\"messageAttributes\":{\"a\":"
                + "{\"stringListValues\":[1]}}}]}"))).getMessage());
  }

  @Test
  void bodyReaders() throws Exception {
    assertEquals("", BodyReader.forType(String.class, GSON).read(""));
    assertEquals(JsonParser.parseString("[1]"), BodyReader.forType(JsonElement.class, GSON).read("[1]"));
    assertEquals(new Order(1, "a", 2),
        BodyReader.forType(Order.class, GSON).read("{\"id\":1,\"name\":\"a\",\"price\":2}"));
    Type listOfOrders = new TypeToken<List<Order>>() {}.getType();
    assertEquals(List.of(new Order(1, "a", 2)),
        BodyReader.forType(listOfOrders, GSON).read("[{\"id\":1,\"name\":\"a\",\"price\":2}]"));
    for (String body : new String[] {"", "{", "[]", "{} {}", "1", "\"text\""}) {
      assertThrows(UnreadableDataException.class, () -> BodyReader.forType(Order.class, GSON).read(body), body);
    }
    assertThrows(UnreadableDataException.class,
        () -> BodyReader.forType(JsonObject.class, GSON).read("[1]"));
    assertThrows(UnreadableDataException.class, () -> BodyReader.forType(String.class, GSON).read(null));
    assertThrows(UnreadableDataException.class,
        () -> BodyReader.forType(JsonArray.class, GSON).read("[".repeat(50_000)));
  }
}
