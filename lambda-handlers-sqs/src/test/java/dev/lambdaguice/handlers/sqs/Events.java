package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real AWS events from {@code ../shared/events/}, and SQS batches made from their records. */
final class Events {

  private static final Path DIR = Path.of(System.getProperty("lambdaguice.sharedEvents", "../../shared/events"));

  /** Every SQS event of the shared folder. */
  static final List<String> SQS = List.of("powertools-lambda-java/sqs_event.json",
      "powertools-lambda-java/sqs_event_big.json", "powertools-lambda-java/sqs_fifo_event.json",
      "aws-lambda-java-libs/sqs_event_nobody.json", "aws-lambda-java-libs/sqs_event_product.json",
      "powertools-lambda-python/sqsEvent.json", "powertools-lambda-python/snsSqsFifoEvent.json",
      "powertools-lambda-python/sqsDlqTriggerEvent.json", "aws-sam-cli/Sqs.json", "aws-lambda-go/sqs-event.json");

  private Events() {}

  /** The event at {@code path} under the shared events folder, e.g. {@code aws-sam-cli/Sqs.json}. */
  static String read(String path) {
    try {
      return Files.readString(DIR.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException("shared event " + path + " not found under " + DIR.toAbsolutePath(), e);
    }
  }

  static JsonObject json(String path) {
    return JsonParser.parseString(read(path)).getAsJsonObject();
  }

  static JsonArray records(JsonObject event) {
    return event.getAsJsonArray("Records");
  }

  /** The event with the bodies of its records replaced, in order. */
  static String withBodies(String path, String... bodies) {
    JsonObject event = json(path);
    JsonArray records = records(event);
    if (records.size() != bodies.length) {
      throw new IllegalArgumentException(path + " has " + records.size() + " records, not " + bodies.length);
    }
    for (int i = 0; i < bodies.length; i++) {
      records.get(i).getAsJsonObject().addProperty("body", bodies[i]);
    }
    return event.toString();
  }

  /**
   * A record made from the first record of the powertools standard-queue event, with this id, body and unique
   * receipt handle, in message group {@code group} (none when null) of queue {@code queueArn}.
   */
  static JsonObject record(String messageId, String body, String group, String queueArn) {
    JsonObject record = records(json("powertools-lambda-java/sqs_event.json")).get(0).getAsJsonObject().deepCopy();
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
