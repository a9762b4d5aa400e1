package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lambdaguice.handlers.servicecall.ArgumentCountException;
import dev.lambdaguice.handlers.servicecall.ArgumentTypeException;
import dev.lambdaguice.handlers.servicecall.InvalidServiceCallException;
import dev.lambdaguice.handlers.servicecall.ServiceCallModule;
import dev.lambdaguice.handlers.servicecall.UnknownFunctionException;
import dev.lambdaguice.handlers.servicecall.UnknownServiceException;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code sqs-service-call} key (and the plain {@code service-call} key beside it), served by the real runtime
 * loop with SQS events built from the fixtures.
 */
@LambdaTest(modules = ServiceCallTestModule.class)
class SqsServiceCallTest {

  private static final String FIFO_QUEUE = "arn:aws:sqs:eu-west-1:123456789012:jobs.fifo";
  private static final String SQS = SqsServiceCallModule.KEY;
  private static final String LOGGER = SqsHandlers.class.getPackageName();

  private static String reserve(String service, String sku, Object count) {
    return "{\"serviceName\": \"" + service + "\", \"function\": \"reserve\", \"args\": [\"" + sku + "\", " + count
        + "]}";
  }

  @Test
  void recordsAreServiceCallsAndFailuresAreListed(LambdaClient lambda) {
    String run = UUID.randomUUID().toString();
    String event = batch(
        record("ok-alias", reserve("inventory", run + "-a", 1)),
        record("ok-name", reserve(Inventory.class.getName(), run + "-b", 2)),
        record("unknown-service", reserve("java.lang.Runtime", run + "-c", 1)),
        record("throws", reserve("inventory", run + "-d", 0)),
        record("unknown-function", "{\"serviceName\": \"inventory\", \"function\": \"exit\", \"args\": []}"),
        record("argument-count", "{\"serviceName\": \"inventory\", \"function\": \"reserve\", \"args\": [\"x\"]}"),
        record("argument-type", reserve("inventory", run + "-e", "\"many\"")),
        record("not-a-call", "{\"function\": \"reserve\"}"),
        record("not-json", "reserve inventory"),
        record("ok-last", reserve("inventory", run + "-f", 3)));
    Invocation result = lambda.invoke(SQS, event);
    assertEquals(List.of("unknown-service", "throws", "unknown-function", "argument-count", "argument-type",
        "not-a-call", "not-json"), SqsBatchEndToEndTest.failures(result));
    assertEquals(List.of(run + "-ax1", run + "-bx2", run + "-fx3"), Inventory.reserved(run));
    List<String> lines = result.logs();
    for (String[] expected : new String[][] {{"unknown-service", UnknownServiceException.class.getName()},
        {"throws", "java.lang.IllegalArgumentException: a reservation needs a count of 1 or more"},
        {"unknown-function", UnknownFunctionException.class.getName()},
        {"argument-count", ArgumentCountException.class.getName()},
        {"argument-type", ArgumentTypeException.class.getName()},
        {"not-a-call", InvalidServiceCallException.class.getName()},
        {"not-json", "its body does not fit com.google.gson.JsonElement"}}) {
      assertTrue(lines.stream().anyMatch(line -> line.contains(" WARN " + LOGGER + " SQS record " + expected[0]
          + " failed in handler 'sqs-service-call': ") && line.contains(expected[1])), expected[0] + ": " + lines);
    }
    assertEquals(7, lines.stream().filter(line -> line.contains(" WARN " + LOGGER + " SQS record ")).count(),
        "one line per failed record: " + lines);
    assertTrue(lines.stream().noneMatch(line -> line.contains(run + "-")), "no argument is logged: " + lines);
  }

  @Test
  void theStandardFixtureWithServiceCallBodiesIsCallsToo(LambdaClient lambda) {
    String run = UUID.randomUUID().toString();
    String event = EventFixtures.withBodies(EventFixtures.STANDARD, reserve("inventory", run + "-1", 1),
        reserve("inventory", run + "-2", -1), reserve("inventory", run + "-3", 3));
    List<String> ids = EventFixtures.records(EventFixtures.json(EventFixtures.STANDARD)).asList().stream()
        .map(r -> r.getAsJsonObject().get("messageId").getAsString()).toList();
    assertEquals(List.of(ids.get(1)), SqsBatchEndToEndTest.failures(lambda.invoke(SQS, event)));
    assertEquals(List.of(run + "-1x1", run + "-3x3"), Inventory.reserved(run));
  }

  @Test
  void aFailedCallStopsItsMessageGroup(LambdaClient lambda) {
    String run = UUID.randomUUID().toString();
    Invocation result = lambda.invoke(SQS, batch(
        record("a1", reserve("inventory", run + "-a1", 0), "a", FIFO_QUEUE),
        record("b1", reserve("inventory", run + "-b1", 1), "b", FIFO_QUEUE),
        record("a2", reserve("inventory", run + "-a2", 1), "a", FIFO_QUEUE),
        record("b2", reserve("inventory", run + "-b2", 1), "b", FIFO_QUEUE)));
    assertEquals(List.of("a1", "a2"), SqsBatchEndToEndTest.failures(result));
    assertEquals(List.of(run + "-b1x1", run + "-b2x1"), Inventory.reserved(run));
  }

  @Test
  void aNonBatchIsAnInvocationErrorAndThePlainKeyStillServesCalls(LambdaClient lambda) {
    String run = UUID.randomUUID().toString();
    Invocation call = lambda.invoke(SQS, reserve("inventory", run, 1));
    assertTrue(call.error());
    assertTrue(call.body().contains("\"errorType\":\"Runtime.InvalidEvent\""), call.body());
    assertEquals(List.of(), Inventory.reserved(run), "a bare service call is not an SQS batch");
    Invocation direct = lambda.invoke(ServiceCallModule.KEY, reserve("inventory", run, 1));
    assertFalse(direct.error(), direct.body());
    assertEquals(List.of(run + "x1"), Inventory.reserved(run));
    JsonObject empty = new JsonObject();
    empty.add("Records", new com.google.gson.JsonArray());
    assertEquals("{\"batchItemFailures\":[]}", lambda.invoke(SQS, empty.toString()).body());
  }
}
