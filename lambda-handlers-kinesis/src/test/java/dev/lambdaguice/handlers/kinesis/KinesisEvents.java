package dev.lambdaguice.handlers.kinesis;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.Events;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kinesis events built in code, in the shape of the owned fixture {@code kinesis-batch.json}. */
final class KinesisEvents {

  static final String STREAM = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks";

  private static final JsonObject TEMPLATE = JsonParser.parseString(Events.read("kinesis-batch.json"))
      .getAsJsonObject().getAsJsonArray("Records").get(0).getAsJsonObject();

  private KinesisEvents() {}

  /** The sequence number of record {@code i} of a built batch: increasing, as in a shard. */
  static String sequenceNumber(int i) {
    return "4965706081228801455888866824826384776390001782" + String.format("%010d", i);
  }

  /** A batch of one shard whose records carry {@code texts} as UTF-8 data. */
  static JsonObject batch(String... texts) {
    JsonArray records = new JsonArray(texts.length);
    for (int i = 0; i < texts.length; i++) {
      records.add(record(0, sequenceNumber(i), base64(texts[i])));
    }
    JsonObject event = new JsonObject();
    event.add("Records", records);
    return event;
  }

  /** One record of shard {@code shard}, copied from the fixture's first record, with its data and numbers. */
  static JsonObject record(int shard, String sequenceNumber, String data) {
    JsonObject record = TEMPLATE.deepCopy();
    JsonObject kinesis = record.getAsJsonObject("kinesis");
    kinesis.addProperty("sequenceNumber", sequenceNumber);
    kinesis.addProperty("data", data);
    record.addProperty("eventID", String.format("shardId-%012d:%s", shard, sequenceNumber));
    return record;
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
