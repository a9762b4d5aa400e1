package dev.lambdaguice.handlers.kinesis;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lambdaguice.handlers.batch.EventFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of a Kinesis batch from the event's JSON tree, checking that it is one. Independent of the
 * application's Gson; problems never quote the event.
 */
final class KinesisEventParser {

  private static final String EVENT_SOURCE = "aws:kinesis";
  private static final String KINESIS = "kinesis";
  private static final EventFields<InvalidKinesisEventException> FIELDS =
      new EventFields<>(problem -> new InvalidKinesisEventException("The event is not a Kinesis batch: " + problem));

  private KinesisEventParser() {}

  static List<KinesisRecord> parse(JsonElement event) throws InvalidKinesisEventException {
    JsonArray array = FIELDS.records(event);
    List<KinesisRecord> records = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      records.add(record(FIELDS.record(array.get(i), i), i));
    }
    return records;
  }

  private static KinesisRecord record(JsonObject record, int index) throws InvalidKinesisEventException {
    String eventSource = FIELDS.string(record, null, "eventSource", index);
    if (eventSource != null && !eventSource.equals(EVENT_SOURCE)) {
      throw FIELDS.invalid("record " + index + " has the \"eventSource\" of another service, not " + EVENT_SOURCE);
    }
    JsonObject kinesis = FIELDS.requiredObject(record, null, KINESIS, index);
    String data = FIELDS.string(kinesis, KINESIS, "data", index);
    if (data == null) {
      throw FIELDS.invalid("record " + index + " has no \"kinesis.data\"");
    }
    String eventId = FIELDS.string(record, null, "eventID", index);
    return new KinesisRecord(
        FIELDS.string(kinesis, KINESIS, "partitionKey", index),
        FIELDS.requiredString(kinesis, KINESIS, "sequenceNumber", index),
        data,
        FIELDS.epochSeconds(kinesis, KINESIS, "approximateArrivalTimestamp", index),
        FIELDS.string(kinesis, KINESIS, "encryptionType", index),
        FIELDS.string(kinesis, KINESIS, "kinesisSchemaVersion", index),
        eventId,
        shardId(eventId),
        FIELDS.string(record, null, "eventName", index),
        eventSource,
        FIELDS.string(record, null, "eventVersion", index),
        FIELDS.string(record, null, "eventSourceARN", index),
        FIELDS.string(record, null, "awsRegion", index),
        FIELDS.string(record, null, "invokeIdentityArn", index));
  }

  /** The shard named by an event id {@code shardId-000000000006:4959...}, or null. */
  private static String shardId(String eventId) {
    if (eventId == null || !eventId.startsWith("shardId-")) {
      return null;
    }
    int colon = eventId.indexOf(':');
    return colon < 0 ? eventId : eventId.substring(0, colon);
  }
}
