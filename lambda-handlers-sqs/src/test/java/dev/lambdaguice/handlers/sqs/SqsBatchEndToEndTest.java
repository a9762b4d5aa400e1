package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQS batch handlers served by the real runtime loop, in-process over real HTTP, with the SQS event fixtures: the
 * keys of {@link SqsTestModule}, each its own function. {@link SqsCustomGsonTest} and {@link SqsFatalErrorTest} need
 * functions of their own.
 */
@LambdaTest(modules = SqsTestModule.class)
class SqsBatchEndToEndTest {

  static final String FIFO_QUEUE = "arn:aws:sqs:eu-west-1:123456789012:orders.fifo";

  /** The failed message ids of a batch response, checking it is one. */
  static List<String> failures(Invocation result) {
    assertFalse(result.error(), () -> result.errorType() + ": " + result.body());
    assertEquals("application/json", result.contentType());
    return new Gson().fromJson(result.body(), SqsBatchResponse.class).failedMessageIds();
  }

  /** How many answers (responses and errors) the runtime of {@code key} posted for the invocation. */
  static long answers(LambdaClient lambda, String key, String requestId) {
    return lambda.lambda(key).requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }

  static List<String> messageIds(String event) {
    List<String> ids = new ArrayList<>();
    EventFixtures.records(new Gson().fromJson(event, JsonObject.class))
        .forEach(r -> ids.add(r.getAsJsonObject().get("messageId").getAsString()));
    return ids;
  }

  @Test
  void everySqsFixtureSucceedsWithAnEmptyFailureList(LambdaClient lambda) {
    for (String path : EventFixtures.SQS) {
      String event = EventFixtures.read(path);
      Invocation result = lambda.invoke("text", event);
      assertEquals("{\"batchItemFailures\":[]}", result.body(), path);
      assertEquals(messageIds(event), Journal.messageIds(result.requestId()), path + ": every record, in order");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {EventFixtures.STANDARD, EventFixtures.FIFO, EventFixtures.FAIR, EventFixtures.REDELIVERED})
  void typedBodiesOfTheFixturesAreRead(String path, LambdaClient lambda) {
    String event = EventFixtures.read(path);
    Invocation result = lambda.invoke("orders", event);
    assertEquals(List.of(), failures(result));
    assertEquals(messageIds(event), Journal.messageIds(result.requestId()));
  }

  @Test
  void aMixedBatchListsExactlyTheFailedRecords(LambdaClient lambda) {
    String event = EventFixtures.withBodies(EventFixtures.STANDARD,
        "{\"id\": 1, \"name\": \"book\", \"price\": 12}", "{\"id\": 2, \"name\": \"pen\", \"price\": -1}",
        "not json at all");
    List<String> ids = messageIds(event);
    Invocation result = lambda.invoke("orders", event);
    assertEquals(List.of(ids.get(1), ids.get(2)), failures(result));
    assertEquals(List.of(ids.get(0), ids.get(1)), Journal.messageIds(result.requestId()),
        "a body that does not fit never reaches the handler");
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + ids.get(1) + "\"},{\"itemIdentifier\":\""
        + ids.get(2) + "\"}]}", result.body());
    assertTrue(result.logged("SQS record " + ids.get(1) + " failed in handler 'orders'")
        && result.logged("SQS record " + ids.get(2) + " failed in handler 'orders'"), result.logs().toString());
    assertFalse(result.logged(ids.get(0)), "nothing is logged for a record that succeeds: " + result.logs());
  }

  @Test
  void aBodyThatDoesNotFitTheTypeFailsOnlyItsRecord(LambdaClient lambda) {
    String[] bodies = {"{\"id\": \"abc\", \"name\": \"x\", \"price\": 1}", "[]", "", "{\"id\": 1} trailing",
        "{\"id\": 1, \"name\": \"x\", \"price\": 1}", "null", "{\"id\": 1, \"name\": \"x\", \"price\": 1"};
    JsonObject[] records = new JsonObject[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      records[i] = record("m" + i, bodies[i]);
    }
    Invocation result = lambda.invoke("orders", batch(records));
    assertEquals(List.of("m0", "m1", "m2", "m3", "m5", "m6"), failures(result));
    assertEquals(List.of("m4", "m5"), Journal.messageIds(result.requestId()),
        "only the records whose body is an Order (or JSON null) reach the handler");
  }

  @Test
  void jsonObjectBodies(LambdaClient lambda) {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Invocation result = lambda.invoke("tree", batch(record("ok", "{\"a\": [1, 2]}"),
        record("asked", "{\"fail\": true}"), record("array", "[1]"), record("deep", deep),
        record("text", "Test message.")));
    assertEquals(List.of("asked", "array", "deep", "text"), failures(result));
    assertEquals(List.of("ok", "asked"), Journal.messageIds(result.requestId()));
  }

  @Test
  void fifoGroupsKeepTheirOrderAndOtherGroupsGoOn(LambdaClient lambda) {
    String event = batch(record("g1-a", "fail", "g1", FIFO_QUEUE), record("g2-a", "ok", "g2", FIFO_QUEUE),
        record("g1-b", "ok", "g1", FIFO_QUEUE), record("g2-b", "ok", "g2", FIFO_QUEUE),
        record("g1-c", "ok", "g1", FIFO_QUEUE));
    for (String key : List.of("text", "text-parallel")) {
      Invocation result = lambda.invoke(key, event);
      assertEquals(List.of("g1-a", "g1-b", "g1-c"), failures(result));
      List<String> ran = Journal.messageIds(result.requestId());
      assertEquals(Set.of("g1-a", "g2-a", "g2-b"), Set.copyOf(ran), "the later g1 records never ran");
      assertEquals(3, ran.size());
      assertTrue(ran.indexOf("g2-a") < ran.indexOf("g2-b"), "g2 in order: " + ran);
      assertTrue(result.logged("SQS record g1-c not handled by handler '" + key + "': an earlier record of its"
          + " message group failed"), result.logs().toString());
    }
    assertEquals(List.of("g1-a", "g2-a", "g2-b"), Journal.messageIds(lambda.invoke("text", event).requestId()),
        "handled one after the other in batch order");
  }

  @Test
  void aFifoQueueWithoutGroupIdsIsOneGroup(LambdaClient lambda) {
    Invocation result = lambda.invoke("text", batch(record("a", "ok", null, FIFO_QUEUE),
        record("b", "fail", null, FIFO_QUEUE), record("c", "ok", null, FIFO_QUEUE)));
    assertEquals(List.of("b", "c"), failures(result));
    assertEquals(List.of("a", "b"), Journal.messageIds(result.requestId()));
  }

  @Test
  void theFairQueueEventStopsItsGroupAtTheFirstFailure(LambdaClient lambda) {
    String path = EventFixtures.FAIR; // MessageGroupId only; the ARN is not .fifo
    String event = EventFixtures.withBodies(path, "{\"id\": 1, \"name\": \"a\", \"price\": 1}",
        "{\"id\": 2, \"name\": \"b\", \"price\": -2}", "{\"id\": 3, \"name\": \"c\", \"price\": 3}");
    List<String> ids = messageIds(event);
    for (String key : List.of("orders", "orders-parallel")) {
      Invocation result = lambda.invoke(key, event);
      assertEquals(List.of(ids.get(1), ids.get(2)), failures(result));
      assertEquals(List.of(ids.get(0), ids.get(1)), Journal.messageIds(result.requestId()));
    }
  }

  @Test
  void theFifoEventStopsOnlyTheGroupOfTheFailedRecord(LambdaClient lambda) {
    String event = EventFixtures.withBodies(EventFixtures.FIFO, "{\"id\": 1, \"name\": \"a\", \"price\": -1}",
        "{\"id\": 2, \"name\": \"b\", \"price\": 2}", "{\"id\": 3, \"name\": \"c\", \"price\": 3}");
    List<String> ids = messageIds(event); // groups customer-17, customer-42, customer-17
    for (String key : List.of("orders", "orders-parallel")) {
      Invocation result = lambda.invoke(key, event);
      assertEquals(List.of(ids.get(0), ids.get(2)), failures(result));
      assertEquals(sorted(List.of(ids.get(0), ids.get(1))), sorted(Journal.messageIds(result.requestId())),
          "the third record, after its group's failure, never ran");
    }
  }

  @Test
  void theSnsFifoEventFailsAsAWhole(LambdaClient lambda) {
    String event = EventFixtures.withBodies(EventFixtures.SNS_FIFO_ENVELOPE, "fail");
    assertEquals(messageIds(event), failures(lambda.invoke("text", event)));
  }

  @Test
  void anEmptyBodyIsReadAndAMissingBodyFailsOnlyItsRecord(LambdaClient lambda) {
    String event = EventFixtures.read(EventFixtures.EMPTY_AND_MISSING_BODY);
    List<String> ids = messageIds(event);
    for (String key : List.of("text", "text-parallel")) {
      Invocation result = lambda.invoke(key, event);
      assertEquals(List.of(ids.get(1)), failures(result));
      assertEquals(List.of(ids.get(0)), Journal.messageIds(result.requestId()), "the empty body reached the handler");
    }
  }

  @Test
  void duplicateMessageIdsAreListedOnceAndFailIfAnyOfTheirRecordsFailed(LambdaClient lambda) {
    String path = EventFixtures.REDELIVERED; // 10 records, 6 distinct message ids
    List<String> ids = messageIds(EventFixtures.read(path));
    String duplicated = ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).findFirst().orElseThrow();
    String single = ids.stream().filter(id -> ids.indexOf(id) == ids.lastIndexOf(id)).findFirst().orElseThrow();
    String[] bodies = new String[ids.size()];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = "ok";
    }
    bodies[ids.lastIndexOf(duplicated)] = "fail"; // its first record succeeds, its last fails
    bodies[ids.indexOf(single)] = "fail";
    String event = EventFixtures.withBodies(path, bodies);
    Set<String> expected = new LinkedHashSet<>();
    for (int i = 0; i < bodies.length; i++) {
      if (bodies[i].equals("fail")) {
        expected.add(ids.get(i));
      }
    }
    for (String key : List.of("text", "text-parallel")) {
      Invocation result = lambda.invoke(key, event);
      assertEquals(List.copyOf(expected), failures(result));
      assertEquals(ids.size(), Journal.calls(result.requestId()).size(), "every record ran, duplicates too");
    }
    bodies[ids.indexOf(duplicated)] = "fail"; // both of its records fail: still listed once, now first
    assertEquals(List.of(duplicated, single),
        failures(lambda.invoke("text", EventFixtures.withBodies(path, bodies))));
  }

  @Test
  void otherServicesEventsAreInvocationErrors(LambdaClient lambda) {
    for (String path : EventFixtures.OTHER_SERVICES) {
      assertInvalidSqsEvent(lambda, "text", EventFixtures.read(path));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{}", "{\"Records\":\"x\"}", "{\"Records\":null}", "{\"Records\":[1]}",
      "{\"Records\":[{}]}", "{\"Records\":[{\"messageId\":\"\"}]}", "{\"Records\":[{\"messageId\":7}]}",
      "\"text\"", "null", "42", "{\"Records\":[{\"messageId\":\"m\",\"eventSource\":\"aws:sns\"}]}",
      "{\"Records\":[{\"messageId\":\"m\",\"body\":{\"a\":1}}]}",
      "{\"Records\":[{\"messageId\":\"m\",\"attributes\":{\"MessageGroupId\":1}}]}"})
  void nonBatchesAreInvocationErrors(String event, LambdaClient lambda) {
    assertInvalidSqsEvent(lambda, "text", event);
    assertInvalidSqsEvent(lambda, "text-parallel", event);
  }

  static void assertInvalidSqsEvent(LambdaClient lambda, String key, String event) {
    Invocation result = lambda.invoke(key, event);
    assertTrue(result.error(), result.body());
    assertEquals("Runtime.InvalidEvent", result.errorType());
    assertTrue(result.body().contains("\"errorType\":\"Runtime.InvalidEvent\""), result.body());
    assertTrue(result.errorMessage().startsWith("The event is not an SQS batch: "), result.errorMessage());
    assertTrue(result.logged("Handler '" + key + "' found the event invalid: The event is not an SQS batch: "), result.logs().toString());
    assertEquals(1, answers(lambda, key, result.requestId()));
    assertEquals(List.of(), Journal.calls(result.requestId()), "no record ran");
    assertEquals(List.of(), failures(lambda.invoke(key, batch(record("after", "ok")))), "the runtime goes on");
  }

  @Test
  void anEventThatIsNotJsonIsAnInvalidEvent(LambdaClient lambda) {
    Invocation result = lambda.invoke("text", "{\"Records\": [");
    assertEquals("Runtime.InvalidEvent", result.errorType());
    assertTrue(result.logged("Event does not fit the event type"), result.logs().toString());
    assertEquals(List.of(), failures(lambda.invoke("text", batch(record("after", "ok")))));
  }

  @Test
  void parallelHandlingGivesTheSameAnswers(LambdaClient lambda) {
    List<String> events = new ArrayList<>();
    for (String path : EventFixtures.ALL_SQS) {
      events.add(EventFixtures.read(path));
    }
    String big = EventFixtures.REDELIVERED;
    String[] bodies = new String[10];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = i % 3 == 0 ? "fail" : i % 5 == 0 ? "hostile" : "ok";
    }
    events.add(EventFixtures.withBodies(big, bodies));
    events.add(batch(record("a", "ok", "g1", null), record("b", "fail", "g2", null), record("c", "ok", "g2", null),
        record("d", "ok", "g1", null), record("e", "fail", "g3", null), record("f", "ok", "g1", null)));
    for (String event : events) {
      Invocation sequential = lambda.invoke("text", event);
      Invocation parallel = lambda.invoke("text-parallel", event);
      assertEquals(sequential.body(), parallel.body());
      assertEquals(sorted(Journal.messageIds(sequential.requestId())),
          sorted(Journal.messageIds(parallel.requestId())));
    }
  }

  static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  @Test
  void parallelHandlingRunsRecordsAtTheSameTime(LambdaClient lambda) {
    JsonObject[] records = new JsonObject[Barriers.PARTIES * 2];
    for (int i = 0; i < records.length; i++) {
      records[i] = record("m" + i, "barrier");
    }
    Invocation result = lambda.invoke("text-parallel", batch(records));
    assertEquals(List.of(), failures(result), "each group of four records met at the barrier");
    assertEquals(Barriers.PARTIES, Journal.calls(result.requestId()).stream().map(Journal.Call::thread).distinct()
        .count(), "the invocation's thread and three pool threads");
  }

  @Test
  void fifoGroupsRunInParallelEachInOrder(LambdaClient lambda) {
    List<JsonObject> records = new ArrayList<>();
    for (int i = 0; i < Barriers.PARTIES; i++) {
      records.add(record("g" + i + "-first", "barrier", "g" + i, FIFO_QUEUE));
    }
    for (int i = 0; i < Barriers.PARTIES; i++) {
      records.add(record("g" + i + "-second", i == 0 ? "fail" : "ok", "g" + i, FIFO_QUEUE));
      records.add(record("g" + i + "-third", "ok", "g" + i, FIFO_QUEUE));
    }
    Invocation result = lambda.invoke("text-parallel", batch(records.toArray(JsonObject[]::new)));
    assertEquals(List.of("g0-second", "g0-third"), failures(result));
    List<Journal.Call> calls = Journal.calls(result.requestId());
    assertEquals(Barriers.PARTIES * 3 - 1, calls.size());
    for (int i = 1; i < Barriers.PARTIES; i++) {
      String group = "g" + i;
      assertEquals(List.of(group + "-first", group + "-second", group + "-third"),
          calls.stream().filter(c -> group.equals(c.group())).map(Journal.Call::messageId).toList());
    }
  }

  @Test
  void interruptsAndHostileExceptionsStayInTheirRecord(LambdaClient lambda) {
    Invocation result = lambda.invoke("text", batch(record("interrupt", "interrupt"),
        record("check", "check-interrupt"), record("hostile", "hostile"), record("ok", "ok")));
    assertEquals(List.of("hostile"), failures(result));
    assertEquals(List.of("interrupt", "check", "hostile", "ok"), Journal.messageIds(result.requestId()));
  }

  @Test
  void contextIsTheInvocations(LambdaClient lambda) {
    JsonArray none = new JsonArray();
    JsonObject empty = new JsonObject();
    empty.add("Records", none);
    assertEquals("{\"batchItemFailures\":[]}", lambda.invoke("text", empty.toString()).body(), "no records");
    Invocation result = lambda.invoke("text", batch(record("a", "ok")));
    assertEquals(List.of(result.requestId()),
        Journal.calls(result.requestId()).stream().map(Journal.Call::requestId).toList());
  }
}
