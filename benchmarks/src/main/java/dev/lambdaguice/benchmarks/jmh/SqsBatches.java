package dev.lambdaguice.benchmarks.jmh;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * SQS batch events for the benchmarks, as the batch handler receives them (the parsed JSON tree): copies of one
 * record of AWS's sample SQS event ({@code sqs-record.json}, from powertools-lambda-java's {@code sqs_event.json}),
 * each with its own message id and a {@link Product} body.
 */
final class SqsBatches {

  private SqsBatches() {}

  /** A standard-queue batch of {@code size} records. */
  static JsonObject standard(int size) {
    return batch(size, 0);
  }

  /**
   * A FIFO-queue batch of {@code size} records in {@code groups} message groups (record {@code i} in group
   * {@code i % groups}), from a queue whose ARN ends in {@code .fifo}.
   */
  static JsonObject fifo(int size, int groups) {
    return batch(size, groups);
  }

  /** The body of record {@code i}, laid out like the sample's. */
  static String body(int i) {
    return "{\n  \"id\": " + (1000 + i) + ",\n  \"name\": \"product" + i + "\",\n  \"price\": " + (i % 100) + "\n}";
  }

  private static JsonObject batch(int size, int groups) {
    JsonObject template = template();
    JsonArray records = new JsonArray(size);
    for (int i = 0; i < size; i++) {
      JsonObject record = template.deepCopy();
      record.addProperty("messageId", String.format("%08x-9a4f-4ec3-99a0-%012x", i, 0x34ce359b4b54L + i));
      record.addProperty("body", body(i));
      if (groups > 0) {
        JsonObject attributes = record.getAsJsonObject("attributes");
        attributes.addProperty("MessageGroupId", "group-" + (i % groups));
        attributes.addProperty("MessageDeduplicationId", "dedup-" + i);
        attributes.addProperty("SequenceNumber", String.format("188494964604676%05d", i));
        record.addProperty("eventSourceARN", record.get("eventSourceARN").getAsString() + ".fifo");
      }
      records.add(record);
    }
    JsonObject event = new JsonObject();
    event.add("Records", records);
    return event;
  }

  private static JsonObject template() {
    try (InputStream in = SqsBatches.class.getResourceAsStream("sqs-record.json")) {
      if (in == null) {
        throw new IllegalStateException("sqs-record.json is missing from the class path");
      }
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
