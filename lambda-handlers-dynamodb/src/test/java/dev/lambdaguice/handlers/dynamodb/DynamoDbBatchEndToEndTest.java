package dev.lambdaguice.handlers.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.handlers.batch.BatchResponse;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.B;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.BOOL;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.BS;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.L;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.M;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.N;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.NS;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.NULL;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.S;
import dev.lambdaguice.handlers.dynamodb.AttributeValue.SS;
import dev.lambdaguice.handlers.dynamodb.DynamoDbTestModule.Address;
import dev.lambdaguice.handlers.dynamodb.DynamoDbTestModule.Book;
import dev.lambdaguice.handlers.dynamodb.DynamoDbTestModule.Publisher;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB Streams batch handlers served by the real runtime loop, in-process over real HTTP, with the owned
 * fixtures in {@code src/test/resources/events}.
 */
@LambdaTest(modules = DynamoDbTestModule.class)
class DynamoDbBatchEndToEndTest {

  private static final String BOOKS_STREAM =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Books/stream/2026-11-30T12:00:00.000";
  private static final String LOGGER = DynamoDbHandlers.class.getPackageName();
  private static final String SEQ = "11100000000000000000000";

  static List<String> failures(Invocation result) {
    result.assertSuccess();
    assertEquals("application/json", result.contentType());
    return result.bodyAs(BatchResponse.class).itemIdentifiers();
  }

  private static JsonObject fixture(String name) {
    return JsonParser.parseString(Events.read(name)).getAsJsonObject();
  }

  private static JsonObject record(JsonObject event, int i) {
    return event.getAsJsonArray("Records").get(i).getAsJsonObject();
  }

  @Test
  void everyAttributeTypeIsTypedInEventOrder(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("typed", "dynamodb-new-and-old-images.json");
    assertEquals("{\"batchItemFailures\":[]}", result.assertSuccess().body());
    List<DynamoDbChange<?>> changes = Journal.changes(result.requestId());
    assertEquals(List.of(SEQ + "1", SEQ + "2", SEQ + "3"), Journal.sequenceNumbers(result.requestId()));
    DynamoDbRecord insert = changes.get(0).record();
    Map<String, AttributeValue> expected = new LinkedHashMap<>();
    expected.put("isbn", new S("978-0134685991"));
    expected.put("title", new S("Effective Java"));
    expected.put("price", new N("45.99"));
    expected.put("stock", new N("12"));
    expected.put("exactTotal", new N("12345678901234567890.123456789012345678"));
    expected.put("cover", new B("iVBORw0KGgo="));
    expected.put("inPrint", new BOOL(true));
    expected.put("discontinued", new NULL());
    expected.put("tags", new SS(List.of("java", "programming")));
    expected.put("ratings", new NS(List.of("5", "4.5", "-1E+2")));
    expected.put("thumbnails", new BS(List.of("AAEC", "/w==")));
    expected.put("authors", new L(List.of(new S("Joshua Bloch"), new N("3"),
        new M(Map.of("role", new S("author"), "active", new BOOL(false))))));
    expected.put("publisher", new M(Map.of("name", new S("Addison-Wesley"),
        "address", new M(Map.of("city", new S("Boston"), "zip", new NULL())),
        "editions", new L(List.of(new N("1"), new N("2"), new N("3"))))));
    assertEquals(Optional.of(expected), insert.newImage());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(insert.newImage().orElseThrow().keySet()),
        "attribute order as in the event");
    assertEquals(new DynamoDbRecord("c4ca4238a0b923820dcc509a6f75849b", DynamoDbEventName.INSERT, "1.1",
        "aws:dynamodb", "eu-west-1", BOOKS_STREAM, Instant.parse("2025-12-04T12:00:00Z"),
        Map.of("isbn", new S("978-0134685991")), Optional.of(expected), Optional.empty(), SEQ + "1", 512,
        "NEW_AND_OLD_IMAGES", Optional.empty()), insert);
    assertEquals(Optional.of(insert.newImage()), Optional.of(changes.get(0).newImage()),
        "a Map<String, AttributeValue> handler gets the typed maps themselves");
    assertEquals(new BigDecimal("12345678901234567890.123456789012345678"),
        ((N) expected.get("exactTotal")).decimal());
    assertEquals(List.of((byte) 0, (byte) 1, (byte) 2),
        firstBytes(new B(((BS) expected.get("thumbnails")).value().get(0))), "a binary's bytes, from base64");
    DynamoDbRecord modify = changes.get(1).record();
    assertEquals(DynamoDbEventName.MODIFY, modify.eventName());
    assertEquals(Optional.of(new N("45.99")), modify.oldImage().map(image -> image.get("price")));
    assertEquals(Optional.of(new N("39.99")), modify.newImage().map(image -> image.get("price")));
    DynamoDbRecord remove = changes.get(2).record();
    assertEquals(DynamoDbEventName.REMOVE, remove.eventName());
    assertEquals(Optional.empty(), remove.newImage(), "a REMOVE has no NewImage");
    assertTrue(remove.oldImage().isPresent());
    assertFalse(remove.timeToLiveDeletion(), "a caller deleted it");
  }

  private static List<Byte> firstBytes(B binary) {
    byte[] bytes = binary.bytes();
    return List.of(bytes[0], bytes[1], bytes[2]);
  }

  @Test
  void imagesAreReadAsTheApplicationsRecordWithNumbersAsNumbers(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("books", "dynamodb-new-and-old-images.json");
    assertEquals(List.of(), failures(result));
    List<DynamoDbChange<?>> changes = Journal.changes(result.requestId());
    assertEquals(Optional.of(new Book("978-0134685991", "Effective Java", new BigDecimal("45.99"), 12,
        new BigDecimal("12345678901234567890.123456789012345678"), true, null, List.of("java", "programming"),
        List.of(5.0, 4.5, -100.0), new Publisher("Addison-Wesley", new Address("Boston", null), List.of(1, 2, 3)))),
        changes.get(0).newImage());
    assertEquals(Optional.empty(), changes.get(0).oldImage(), "an INSERT has no OldImage");
    Book before = (Book) changes.get(1).oldImage().orElseThrow();
    Book after = (Book) changes.get(1).newImage().orElseThrow();
    assertEquals(List.of(12, 11), List.of(before.stock(), after.stock()));
    assertEquals(new BigDecimal("39.99"), after.price());
    assertEquals(Optional.empty(), changes.get(2).newImage());
    assertEquals(Optional.of(after), changes.get(2).oldImage());
  }

  @Test
  void aJsonHandlerGetsThePlainJsonOfEachImage(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("json", "dynamodb-new-and-old-images.json");
    assertEquals(List.of(), failures(result));
    JsonElement expected = JsonParser.parseString("{\"isbn\": \"978-0134685991\", \"title\": \"Effective Java\","
        + " \"price\": 45.99, \"stock\": 12, \"exactTotal\": 12345678901234567890.123456789012345678,"
        + " \"cover\": \"iVBORw0KGgo=\", \"inPrint\": true, \"discontinued\": null,"
        + " \"tags\": [\"java\", \"programming\"], \"ratings\": [5, 4.5, -1E+2], \"thumbnails\": [\"AAEC\", \"/w==\"],"
        + " \"authors\": [\"Joshua Bloch\", 3, {\"role\": \"author\", \"active\": false}],"
        + " \"publisher\": {\"name\": \"Addison-Wesley\", \"address\": {\"city\": \"Boston\", \"zip\": null},"
        + " \"editions\": [1, 2, 3]}}");
    JsonObject actual = (JsonObject) Journal.changes(result.requestId()).get(0).newImage().orElseThrow();
    assertEquals(expected.toString(), actual.toString());
    assertEquals(new BigDecimal("12345678901234567890.123456789012345678"),
        actual.get("exactTotal").getAsBigDecimal(), "no precision is lost");
    assertEquals(actual, AttributeValues.toJson(Journal.changes(result.requestId()).get(0).record().newImage()
        .orElseThrow()));
  }

  @Test
  void aKeysOnlyStreamHasKeysAndNoImages(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("books", "dynamodb-keys-only.json");
    assertEquals(List.of(), failures(result));
    List<DynamoDbChange<?>> changes = Journal.changes(result.requestId());
    assertEquals(List.of(DynamoDbEventName.INSERT, DynamoDbEventName.MODIFY, DynamoDbEventName.REMOVE),
        changes.stream().map(DynamoDbChange::eventName).toList());
    for (DynamoDbChange<?> change : changes) {
      assertEquals(Map.of("isbn", new S("978-1617294549"), "edition", new N("2")), change.keys());
      assertEquals(Optional.empty(), change.newImage());
      assertEquals(Optional.empty(), change.oldImage());
      assertEquals(Optional.empty(), change.record().newImage());
      assertEquals("KEYS_ONLY", change.record().streamViewType());
      assertEquals(40, change.record().sizeBytes());
    }
  }

  @Test
  void aTimeToLiveDeletionIsToldApartByItsUserIdentity(LambdaClient lambda) {
    Invocation result = lambda.invokeEvent("typed", "dynamodb-ttl-removal.json");
    assertEquals(List.of(), failures(result));
    List<DynamoDbChange<?>> changes = Journal.changes(result.requestId());
    DynamoDbRecord expired = changes.get(0).record();
    assertTrue(expired.timeToLiveDeletion());
    assertTrue(changes.get(0).timeToLiveDeletion());
    assertEquals(Optional.of(new UserIdentity("Service", "dynamodb.amazonaws.com")), expired.userIdentity());
    assertEquals("OLD_IMAGE", expired.streamViewType());
    assertEquals(Optional.of(new S("ada")), expired.oldImage().map(image -> image.get("user")));
    assertEquals(Optional.empty(), expired.newImage());
    assertFalse(changes.get(1).timeToLiveDeletion(), "no userIdentity: deleted by a caller");
    assertEquals(Optional.empty(), changes.get(1).record().userIdentity());
  }

  @Test
  void aFailureInTheMiddleNamesThatRecordAndLeavesTheRest(LambdaClient lambda) {
    JsonObject event = fixture("dynamodb-new-and-old-images.json");
    record(event, 1).getAsJsonObject("dynamodb").getAsJsonObject("NewImage").add("title", string("fail"));
    Invocation result = lambda.invoke("books", event);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + SEQ + "2\"}]}", result.body());
    assertEquals(List.of(SEQ + "1", SEQ + "2"), Journal.sequenceNumbers(result.requestId()),
        "the REMOVE after the failed MODIFY is not handled");
    assertTrue(result.logged("WARN " + LOGGER + " DynamoDB record " + SEQ + "2 failed in handler 'books':"
        + " java.lang.IllegalStateException: the catalog is read-only"), result.logs().toString());
    assertTrue(result.logged("DynamoDB record " + SEQ + "2 stopped its shard in handler 'books': 1 later record"
        + " was not handled; Lambda retries from this record"), result.logs().toString());
  }

  @Test
  void anImageThatDoesNotFitFailsItsRecordWithoutQuotingIt(LambdaClient lambda) {
    JsonObject event = fixture("dynamodb-new-and-old-images.json");
    record(event, 0).getAsJsonObject("dynamodb").getAsJsonObject("NewImage").add("stock", string("secret"));
    Invocation result = lambda.invoke("books", event);
    assertEquals(List.of(SEQ + "1"), failures(result));
    assertEquals(List.of(), Journal.sequenceNumbers(result.requestId()));
    assertTrue(result.logged("DynamoDB record " + SEQ + "1 failed in handler 'books': its NewImage does not fit "
        + Book.class.getName() + " (com.google.gson.JsonSyntaxException caused by java.lang.NumberFormatException)"),
        result.logs().toString());
    assertFalse(result.logs().toString().contains("secret"), "the item is never logged");
  }

  @Test
  void anEventThatIsNotADynamoDbBatchFailsTheInvocationAndTheRuntimeKeepsServing(LambdaClient lambda) {
    assertInvalid(lambda, JsonParser.parseString("{}"), "it has no \"Records\" array");
    JsonObject kinesis = fixture("dynamodb-keys-only.json");
    record(kinesis, 0).addProperty("eventSource", "aws:kinesis");
    assertInvalid(lambda, kinesis, "record 0 has the \"eventSource\" of another service, not aws:dynamodb");
    JsonObject noStreamRecord = fixture("dynamodb-keys-only.json");
    record(noStreamRecord, 1).remove("dynamodb");
    assertInvalid(lambda, noStreamRecord, "record 1 has no \"dynamodb\" object");
    JsonObject noSequence = fixture("dynamodb-keys-only.json");
    record(noSequence, 2).getAsJsonObject("dynamodb").remove("SequenceNumber");
    assertInvalid(lambda, noSequence, "record 2 has no \"dynamodb.SequenceNumber\"");
    JsonObject upsert = fixture("dynamodb-keys-only.json");
    record(upsert, 0).addProperty("eventName", "UPSERT");
    assertInvalid(lambda, upsert, "record 0 field \"eventName\" is not INSERT, MODIFY or REMOVE");
    assertInvalidImage(lambda, "{\"X\": \"secret\"}", "\"dynamodb.NewImage.title\" has an unknown attribute type;"
        + " expected S, N, B, BOOL, NULL, M, L, SS, NS or BS");
    assertInvalidImage(lambda, "{\"S\": \"a\", \"N\": \"1\"}", "\"dynamodb.NewImage.title\" is an object, not an"
        + " attribute value (an object with one member named by its type: S, N, B, BOOL, NULL, M, L, SS, NS or BS)");
    assertInvalidImage(lambda, "{\"N\": \"secret\"}", "\"dynamodb.NewImage.title.N\" is not a decimal number");
    assertInvalidImage(lambda, "{\"NS\": [\"1\", 2]}", "\"dynamodb.NewImage.title.NS[1]\" is a number, not a string");
    assertInvalidImage(lambda, "{\"BOOL\": \"true\"}", "\"dynamodb.NewImage.title.BOOL\" is a string, not a"
        + " boolean");
    assertInvalidImage(lambda, "{\"L\": {}}", "\"dynamodb.NewImage.title.L\" is an object, not an array");
    assertInvalidImage(lambda, "{\"L\": [\"secret\"]}", "\"dynamodb.NewImage.title.L[0]\" is a string, not an"
        + " attribute value (an object with one member named by its type: S, N, B, BOOL, NULL, M, L, SS, NS or BS)");
    String deep = "{\"M\": {\"a\": ".repeat(40) + "{\"S\": \"x\"}" + "}}".repeat(40);
    JsonObject tooDeep = fixture("dynamodb-new-and-old-images.json");
    record(tooDeep, 0).getAsJsonObject("dynamodb").getAsJsonObject("NewImage").add("title",
        JsonParser.parseString(deep));
    Invocation result = lambda.invoke("typed", tooDeep);
    result.assertError("Runtime.InvalidEvent");
    assertTrue(result.errorMessage().endsWith("is nested deeper than DynamoDB's 32 levels"), result.errorMessage());
    Invocation after = lambda.invokeEvent("typed", "dynamodb-keys-only.json");
    assertEquals(List.of(), failures(after), "the runtime keeps serving");
  }

  private static void assertInvalidImage(LambdaClient lambda, String title, String problem) {
    JsonObject event = fixture("dynamodb-new-and-old-images.json");
    record(event, 0).getAsJsonObject("dynamodb").getAsJsonObject("NewImage").add("title",
        JsonParser.parseString(title));
    assertInvalid(lambda, event, "record 0 field " + problem);
  }

  private static void assertInvalid(LambdaClient lambda, JsonElement event, String problem) {
    Invocation result = lambda.invoke("typed", event);
    result.assertError("Runtime.InvalidEvent");
    assertTrue(result.body().contains("\"errorType\":\"Runtime.InvalidEvent\""), result.body());
    assertEquals("The event is not a DynamoDB Streams batch: " + problem, result.errorMessage());
    assertFalse(result.body().contains("secret"), "the event is never quoted");
  }

  private static JsonElement string(String value) {
    JsonObject attribute = new JsonObject();
    attribute.addProperty("S", value);
    return attribute;
  }

  @Test
  void anEmptyBatchSucceeds(LambdaClient lambda) {
    assertEquals("{\"batchItemFailures\":[]}", lambda.invoke("books", "{\"Records\": []}").assertSuccess().body());
  }
}
