package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A generated SQS event, possibly hostile: random record counts, message ids (often repeated), bodies (commands of
 * {@link ScriptedHandler}, garbage, none), message groups and queues, extra fields, and now and then a defect that
 * makes it no SQS batch at all. {@link RandomBatches#batch} generates it; {@link #json()} renders it;
 * {@link #expected()} says what a batch handler with {@link ScriptedHandler} must answer, computed from the spec
 * alone; {@link #describe()} says what it is in a line, for failure messages.
 */
record BatchSpec(TopDefect top, List<RecordSpec> records) {

  static final String STANDARD_QUEUE = "arn:aws:sqs:us-east-2:123456789012:my-queue";
  static final String FIFO_QUEUE = "arn:aws:sqs:us-east-2:123456789012:my-queue.fifo";

  /** What makes the whole event no SQS batch. */
  enum TopDefect { NONE, ARRAY, STRING, NUMBER, NULL, NO_RECORDS, RECORDS_NOT_ARRAY, RECORDS_NULL }

  /** What makes one record malformed (and so the whole event no SQS batch). */
  enum Defect {
    NONE, NOT_OBJECT, NO_MESSAGE_ID, NULL_MESSAGE_ID, NUMERIC_MESSAGE_ID, OBJECT_BODY, NUMERIC_BODY,
    ATTRIBUTES_NOT_OBJECT, ATTRIBUTE_NOT_STRING, MESSAGE_ATTRIBUTE_NOT_OBJECT, LIST_VALUE_NOT_STRING,
    OTHER_EVENT_SOURCE, ARN_NOT_STRING
  }

  /** Where the record says it comes from. */
  enum Queue { STANDARD, FIFO, NONE }

  /**
   * One record.
   *
   * @param body the body, or null for none
   * @param bodyAbsent with a null body: true leaves the field out, false writes {@code "body": null}
   */
  record RecordSpec(String messageId, String body, boolean bodyAbsent, String group, Queue queue, Defect defect,
      boolean extras) {}

  /** What the batch handler must do with the event. */
  record Expected(boolean invalid, boolean error, List<String> failedIds, List<Integer> ran) {}

  /** The event as JSON; record {@code i} has the receipt handle {@code "r<i>"}. */
  JsonElement json() {
    switch (top) {
      case ARRAY: return new JsonArray();
      case STRING: return new JsonPrimitive("Records");
      case NUMBER: return new JsonPrimitive(42);
      case NULL: return JsonNull.INSTANCE;
      default: break;
    }
    JsonObject event = new JsonObject();
    if (top == TopDefect.RECORDS_NOT_ARRAY) {
      event.addProperty("Records", "x");
    } else if (top == TopDefect.RECORDS_NULL) {
      event.add("Records", JsonNull.INSTANCE);
    } else if (top == TopDefect.NONE) {
      JsonArray array = new JsonArray();
      for (int i = 0; i < records.size(); i++) {
        array.add(record(records.get(i), i));
      }
      event.add("Records", array);
    }
    return event;
  }

  private static JsonElement record(RecordSpec spec, int index) {
    if (spec.defect() == Defect.NOT_OBJECT) {
      return new JsonPrimitive(index);
    }
    JsonObject record = new JsonObject();
    switch (spec.defect()) {
      case NO_MESSAGE_ID: break;
      case NULL_MESSAGE_ID: record.add("messageId", JsonNull.INSTANCE); break;
      case NUMERIC_MESSAGE_ID: record.addProperty("messageId", 7); break;
      default: record.addProperty("messageId", spec.messageId());
    }
    record.addProperty("receiptHandle", "r" + index);
    if (spec.defect() == Defect.OBJECT_BODY) {
      record.add("body", new JsonObject());
    } else if (spec.defect() == Defect.NUMERIC_BODY) {
      record.addProperty("body", 12);
    } else if (spec.body() != null) {
      record.addProperty("body", spec.body());
    } else if (!spec.bodyAbsent()) {
      record.add("body", JsonNull.INSTANCE);
    }
    JsonObject attributes = new JsonObject();
    attributes.addProperty("ApproximateReceiveCount", "1");
    if (spec.group() != null) {
      attributes.addProperty("MessageGroupId", spec.group());
    }
    if (spec.defect() == Defect.ATTRIBUTE_NOT_STRING) {
      attributes.addProperty("SentTimestamp", 1545082649183L);
    }
    record.add("attributes", spec.defect() == Defect.ATTRIBUTES_NOT_OBJECT ? new JsonArray() : attributes);
    JsonObject messageAttributes = new JsonObject();
    if (spec.extras() || spec.defect() == Defect.LIST_VALUE_NOT_STRING) {
      JsonObject attribute = new JsonObject();
      attribute.addProperty("stringValue", "100");
      attribute.addProperty("dataType", "Number");
      JsonArray list = new JsonArray();
      list.add(spec.defect() == Defect.LIST_VALUE_NOT_STRING ? new JsonPrimitive(1) : new JsonPrimitive("a"));
      attribute.add("stringListValues", list);
      messageAttributes.add("testAttr", attribute);
    }
    if (spec.defect() == Defect.MESSAGE_ATTRIBUTE_NOT_OBJECT) {
      messageAttributes.addProperty("broken", "100");
    }
    record.add("messageAttributes", messageAttributes);
    record.addProperty("eventSource", spec.defect() == Defect.OTHER_EVENT_SOURCE ? "aws:sns" : "aws:sqs");
    if (spec.defect() == Defect.ARN_NOT_STRING) {
      record.add("eventSourceARN", new JsonArray());
    } else if (spec.queue() != Queue.NONE) {
      record.addProperty("eventSourceARN", spec.queue() == Queue.FIFO ? FIFO_QUEUE : STANDARD_QUEUE);
    }
    if (spec.extras()) {
      record.addProperty("awsRegion", "us-east-2");
      record.addProperty("md5OfMessageAttributes", "582c92c5c5b6ac403040a4f3ab3115c9");
      record.add("somethingNew", new JsonArray());
    }
    return record;
  }

  boolean invalid() {
    return top != TopDefect.NONE
        || records.stream().anyMatch(r -> r.defect() != Defect.NONE || r.messageId().isBlank());
  }

  /** True when order counts: a record has a message group or comes from a FIFO queue. */
  boolean fifo() {
    return records.stream().anyMatch(r -> r.group() != null || r.queue() == Queue.FIFO);
  }

  /** What {@link ScriptedHandler} behind a batch handler must give, handling records one after the other. */
  Expected expected() {
    if (invalid()) {
      return new Expected(true, false, List.of(), List.of());
    }
    boolean fifo = fifo();
    Set<String> failedGroups = new HashSet<>();
    Set<String> failed = new LinkedHashSet<>();
    List<Integer> ran = new ArrayList<>();
    boolean error = false;
    for (int i = 0; i < records.size(); i++) {
      RecordSpec record = records.get(i);
      if (fifo && failedGroups.contains(record.group())) {
        failed.add(record.messageId());
        continue;
      }
      boolean ok;
      if (record.body() == null) {
        ok = false;
      } else {
        if (!error) {
          ran.add(i);
        }
        if (record.body().startsWith("error")) {
          error = true; // the first Error ends the batch; later Errors are only checked to be reachable
          continue;
        }
        ok = !record.body().startsWith("fail") && !record.body().startsWith("hostile");
      }
      if (!ok) {
        failed.add(record.messageId());
        if (fifo) {
          failedGroups.add(record.group());
        }
      }
    }
    return new Expected(false, error, List.copyOf(failed), List.copyOf(ran));
  }

  /** The message ids of the records, in order. */
  List<String> messageIds() {
    return records.stream().map(RecordSpec::messageId).toList();
  }

  /** The batch in one line: its top-level defect, whether it is FIFO, and each record (bodies cut short). */
  String describe() {
    StringBuilder text = new StringBuilder("top=").append(top).append(" fifo=").append(fifo())
        .append(" records=").append(records.size()).append(" [");
    for (int i = 0; i < records.size(); i++) {
      RecordSpec record = records.get(i);
      text.append(i == 0 ? "" : "; ").append('#').append(i)
          .append(" id=").append(RandomBatches.quote(record.messageId(), 16))
          .append(" body=").append(record.body() == null && record.bodyAbsent() ? "<absent>"
              : RandomBatches.quote(record.body(), 24))
          .append(" group=").append(record.group())
          .append(" queue=").append(record.queue());
      if (record.defect() != Defect.NONE) {
        text.append(" defect=").append(record.defect());
      }
      if (record.extras()) {
        text.append(" +extras");
      }
    }
    return text.append(']').toString();
  }
}
