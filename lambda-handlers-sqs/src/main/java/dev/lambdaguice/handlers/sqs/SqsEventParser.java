package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lambdaguice.handlers.batch.EventFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@link SqsEvent} from the event's JSON tree, checking that it is an SQS batch. Independent of the
 * application's Gson. Error messages say where the event is wrong and what kind of JSON value is there, never the
 * value itself.
 */
final class SqsEventParser {

  private static final String EVENT_SOURCE = "aws:sqs";

  private SqsEventParser() {}

  static SqsEvent parse(JsonElement event) throws InvalidSqsEventException {
    if (event == null || !event.isJsonObject()) {
      throw invalid("expected a JSON object with a \"Records\" array, got " + EventFields.kind(event));
    }
    JsonElement records = event.getAsJsonObject().get("Records");
    if (records == null) {
      throw invalid("it has no \"Records\" array");
    }
    if (!records.isJsonArray()) {
      throw invalid("\"Records\" is " + EventFields.kind(records) + ", not an array");
    }
    JsonArray array = records.getAsJsonArray();
    List<SqsMessage> messages = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      messages.add(message(array.get(i), i));
    }
    return new SqsEvent(messages);
  }

  private static SqsMessage message(JsonElement element, int index) throws InvalidSqsEventException {
    if (!element.isJsonObject()) {
      throw invalid("record " + index + " is " + EventFields.kind(element) + ", not an object");
    }
    JsonObject record = element.getAsJsonObject();
    String messageId = string(record, null, "messageId", index);
    if (messageId == null || messageId.isBlank()) {
      throw invalid("record " + index + " has no \"messageId\"");
    }
    String eventSource = string(record, null, "eventSource", index);
    if (eventSource != null && !eventSource.equals(EVENT_SOURCE)) {
      throw invalid("record " + index + " has the \"eventSource\" of another service, not " + EVENT_SOURCE);
    }
    return new SqsMessage(messageId,
        string(record, null, "receiptHandle", index),
        string(record, null, "body", index),
        attributes(record, index),
        messageAttributes(record, index),
        string(record, null, "md5OfBody", index),
        eventSource,
        string(record, null, "eventSourceARN", index),
        string(record, null, "awsRegion", index));
  }

  /** The record's {@code attributes}, or null; an immutable map, which {@link SqsMessage} keeps as it is. */
  private static Map<String, String> attributes(JsonObject record, int index) throws InvalidSqsEventException {
    JsonObject object = object(record, null, "attributes", index);
    if (object == null) {
      return null;
    }
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array
    Map.Entry<String, String>[] attributes = new Map.Entry[object.size()];
    int i = 0;
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      attributes[i++] = Map.entry(entry.getKey(), string(entry.getValue(), "attributes", entry.getKey(), index));
    }
    return Map.ofEntries(attributes);
  }

  /** The record's {@code messageAttributes}, or null; an immutable map, which {@link SqsMessage} keeps as it is. */
  private static Map<String, SqsMessageAttribute> messageAttributes(JsonObject record, int index)
      throws InvalidSqsEventException {
    JsonObject object = object(record, null, "messageAttributes", index);
    if (object == null) {
      return null;
    }
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array
    Map.Entry<String, SqsMessageAttribute>[] attributes = new Map.Entry[object.size()];
    int i = 0;
    for (String name : object.keySet()) {
      JsonObject attribute = object(object, "messageAttributes", name, index);
      if (attribute == null) {
        throw invalid(EventFields.field(index, "messageAttributes", name) + " is null, not an object");
      }
      String path = "messageAttributes." + name;
      attributes[i++] = Map.entry(name, new SqsMessageAttribute(
          string(attribute, path, "stringValue", index),
          string(attribute, path, "binaryValue", index),
          strings(attribute, path, "stringListValues", index),
          strings(attribute, path, "binaryListValues", index),
          string(attribute, path, "dataType", index)));
    }
    return Map.ofEntries(attributes);
  }

  /** The object member {@code name} of {@code object} (found at {@code parent} in the record), or null. */
  private static JsonObject object(JsonObject object, String parent, String name, int index)
      throws InvalidSqsEventException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonObject()) {
      throw invalid(EventFields.field(index, parent, name) + " is " + EventFields.kind(value) + ", not an object");
    }
    return value.getAsJsonObject();
  }

  /** The string member {@code name} of {@code object} (found at {@code parent} in the record), or null. */
  private static String string(JsonObject object, String parent, String name, int index)
      throws InvalidSqsEventException {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : string(value, parent, name, index);
  }

  /** The array of strings {@code name} of {@code object} (found at {@code parent} in the record), or null. */
  private static List<String> strings(JsonObject object, String parent, String name, int index)
      throws InvalidSqsEventException {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonArray()) {
      throw invalid(EventFields.field(index, parent, name) + " is " + EventFields.kind(value) + ", not an array");
    }
    JsonArray array = value.getAsJsonArray();
    List<String> strings = new ArrayList<>(array.size());
    for (JsonElement item : array) {
      strings.add(string(item, parent, name + "[]", index));
    }
    return strings;
  }

  private static String string(JsonElement value, String parent, String name, int index)
      throws InvalidSqsEventException {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw invalid(EventFields.field(index, parent, name) + " is " + EventFields.kind(value) + ", not a string");
    }
    return value.getAsString();
  }

  private static InvalidSqsEventException invalid(String problem) {
    return new InvalidSqsEventException("The event is not an SQS batch: " + problem);
  }
}
