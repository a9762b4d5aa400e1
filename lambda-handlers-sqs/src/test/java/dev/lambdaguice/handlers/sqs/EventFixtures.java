package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import java.util.List;

/**
 * The events this module's tests own: one JSON file per event under {@code src/test/resources/events/}, written
 * from AWS's documented Lambda event formats, read with the test kit's {@link Events}. Also builds SQS batches from
 * records.
 */
final class EventFixtures {

  /** Standard queue, 3 records with {@link Order} bodies; the first has a String message attribute. */
  static final String STANDARD = "sqs-standard-batch.json";
  /** FIFO queue ({@code .fifo} ARN), 3 {@link Order} records in groups customer-17, customer-42, customer-17. */
  static final String FIFO = "sqs-fifo-batch.json";
  /** Fair queue: a standard queue ARN, yet 3 {@link Order} records all with MessageGroupId tenant-a. */
  static final String FAIR = "sqs-fair-queue-batch.json";
  /** One record with String, Number (custom label), Binary and list-valued message attributes. */
  static final String ATTRIBUTES = "sqs-message-attributes.json";
  /** An SNS FIFO notification delivered to a FIFO queue: the body is the SNS envelope. */
  static final String SNS_FIFO_ENVELOPE = "sqs-sns-fifo-envelope.json";
  /** 10 {@link Order} records, 6 distinct message ids: the first message comes 3 times, two others twice. */
  static final String REDELIVERED = "sqs-redelivered-batch.json";
  /** A record with an empty body, then one with no body, message attributes or MD5 at all. */
  static final String EMPTY_AND_MISSING_BODY = "sqs-empty-and-missing-body.json";
  /** A partial batch response, as the handler returns it to Lambda. */
  static final String BATCH_RESPONSE = "sqs-batch-response.json";

  /** Every SQS event whose records all have a body. */
  static final List<String> SQS = List.of(STANDARD, FIFO, FAIR, ATTRIBUTES, SNS_FIFO_ENVELOPE, REDELIVERED);
  /** Every SQS event. */
  static final List<String> ALL_SQS = List.of(STANDARD, FIFO, FAIR, ATTRIBUTES, SNS_FIFO_ENVELOPE, REDELIVERED,
      EMPTY_AND_MISSING_BODY);
  /** Events of other services, none of them an SQS batch. */
  static final List<String> OTHER_SERVICES = List.of("api-gateway-rest.json", "api-gateway-http.json",
      "sns-notification.json", "s3-put.json", "eventbridge-scheduled.json");

  private static final JsonObject TEMPLATE = records(json(STANDARD)).get(0).getAsJsonObject();

  private EventFixtures() {}

  /** The text of the fixture {@code name}, like {@code sqs-fifo-batch.json}; fails if there is none. */
  static String read(String name) {
    return Events.read(name);
  }

  static JsonObject json(String name) {
    return JsonParser.parseString(read(name)).getAsJsonObject();
  }

  static JsonArray records(JsonObject event) {
    return event.getAsJsonArray("Records");
  }

  /** The fixture with the bodies of its records replaced, in order. */
  static String withBodies(String name, String... bodies) {
    JsonObject event = json(name);
    JsonArray records = records(event);
    if (records.size() != bodies.length) {
      throw new IllegalArgumentException(name + " has " + records.size() + " records, not " + bodies.length);
    }
    for (int i = 0; i < bodies.length; i++) {
      records.get(i).getAsJsonObject().addProperty("body", bodies[i]);
    }
    return event.toString();
  }

  /**
   * A record made from the first record of {@link #STANDARD}, with this id, body and unique receipt handle, in
   * message group {@code group} (none when null) of queue {@code queueArn} (the fixture's when null).
   */
  static JsonObject record(String messageId, String body, String group, String queueArn) {
    JsonObject record = TEMPLATE.deepCopy();
    record.addProperty("messageId", messageId);
    record.addProperty("receiptHandle", "rh-" + messageId + "-" + body.hashCode());
    record.addProperty("body", body);
    if (group != null) {
      record.getAsJsonObject("attributes").addProperty("MessageGroupId", group);
    }
    if (queueArn != null) {
      record.addProperty("eventSourceARN", queueArn);
    }
    return record;
  }

  static JsonObject record(String messageId, String body) {
    return record(messageId, body, null, null);
  }

  /** {@code {"Records": [records...]}}. */
  static String batch(JsonObject... records) {
    JsonArray array = new JsonArray();
    for (JsonObject record : records) {
      array.add(record);
    }
    JsonObject event = new JsonObject();
    event.add("Records", array);
    return event.toString();
  }
}
