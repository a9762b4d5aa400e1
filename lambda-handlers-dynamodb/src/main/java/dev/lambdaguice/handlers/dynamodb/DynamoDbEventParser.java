package dev.lambdaguice.handlers.dynamodb;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.lambdaguice.handlers.batch.EventFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the records of a DynamoDB Streams batch from the event's JSON tree, checking that it is one, with every
 * attribute value typed. Independent of the application's Gson; problems never quote the event.
 */
final class DynamoDbEventParser {

  /** DynamoDB's own nesting limit for maps and lists. */
  static final int MAX_DEPTH = 32;

  private static final String EVENT_SOURCE = "aws:dynamodb";
  private static final String DYNAMODB = "dynamodb";
  private static final EventFields<InvalidDynamoDbEventException> FIELDS = new EventFields<>(
      problem -> new InvalidDynamoDbEventException("The event is not a DynamoDB Streams batch: " + problem));

  private DynamoDbEventParser() {}

  static List<DynamoDbRecord> parse(JsonElement event) throws InvalidDynamoDbEventException {
    JsonArray array = FIELDS.records(event);
    List<DynamoDbRecord> records = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      records.add(record(FIELDS.record(array.get(i), i), i));
    }
    return records;
  }

  private static DynamoDbRecord record(JsonObject record, int index) throws InvalidDynamoDbEventException {
    String eventSource = FIELDS.string(record, null, "eventSource", index);
    if (eventSource != null && !eventSource.equals(EVENT_SOURCE)) {
      throw FIELDS.invalid("record " + index + " has the \"eventSource\" of another service, not " + EVENT_SOURCE);
    }
    JsonObject dynamodb = FIELDS.requiredObject(record, null, DYNAMODB, index);
    String sequenceNumber = FIELDS.requiredString(dynamodb, DYNAMODB, "SequenceNumber", index);
    BigDecimal size = FIELDS.number(dynamodb, DYNAMODB, "SizeBytes", index);
    return new DynamoDbRecord(
        FIELDS.string(record, null, "eventID", index),
        eventName(record, index),
        FIELDS.string(record, null, "eventVersion", index),
        eventSource,
        FIELDS.string(record, null, "awsRegion", index),
        FIELDS.string(record, null, "eventSourceARN", index),
        FIELDS.epochSeconds(dynamodb, DYNAMODB, "ApproximateCreationDateTime", index),
        item(dynamodb, "Keys", index).orElse(Map.of()),
        item(dynamodb, "NewImage", index),
        item(dynamodb, "OldImage", index),
        sequenceNumber,
        size == null ? 0 : size.longValue(),
        FIELDS.string(dynamodb, DYNAMODB, "StreamViewType", index),
        userIdentity(record, index));
  }

  private static DynamoDbEventName eventName(JsonObject record, int index) throws InvalidDynamoDbEventException {
    String name = FIELDS.requiredString(record, null, "eventName", index);
    switch (name) {
      case "INSERT":
        return DynamoDbEventName.INSERT;
      case "MODIFY":
        return DynamoDbEventName.MODIFY;
      case "REMOVE":
        return DynamoDbEventName.REMOVE;
      default:
        throw FIELDS.invalid(EventFields.field(index, null, "eventName")
            + " is not INSERT, MODIFY or REMOVE");
    }
  }

  private static Optional<UserIdentity> userIdentity(JsonObject record, int index)
      throws InvalidDynamoDbEventException {
    JsonObject identity = FIELDS.object(record, null, "userIdentity", index);
    if (identity == null) {
      return Optional.empty();
    }
    return Optional.of(new UserIdentity(FIELDS.string(identity, "userIdentity", "type", index),
        FIELDS.string(identity, "userIdentity", "principalId", index)));
  }

  /** The attribute map {@code dynamodb.<name>}, or empty. */
  private static Optional<Map<String, AttributeValue>> item(JsonObject dynamodb, String name, int index)
      throws InvalidDynamoDbEventException {
    JsonObject item = FIELDS.object(dynamodb, DYNAMODB, name, index);
    return item == null ? Optional.empty() : Optional.of(attributes(item, DYNAMODB + "." + name, index, 0));
  }

  private static Map<String, AttributeValue> attributes(JsonObject object, String path, int index, int depth)
      throws InvalidDynamoDbEventException {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> member : object.entrySet()) {
      attributes.put(member.getKey(), value(member.getValue(), path + "." + member.getKey(), index, depth));
    }
    return attributes;
  }

  /** One attribute value: an object with exactly one member, named by its type. */
  private static AttributeValue value(JsonElement element, String path, int index, int depth)
      throws InvalidDynamoDbEventException {
    if (depth > MAX_DEPTH) {
      throw invalid(path, index, "is nested deeper than DynamoDB's " + MAX_DEPTH + " levels");
    }
    if (element == null || !element.isJsonObject() || element.getAsJsonObject().size() != 1) {
      throw invalid(path, index, "is " + EventFields.kind(element) + ", not an attribute value (an object with one"
          + " member named by its type: S, N, B, BOOL, NULL, M, L, SS, NS or BS)");
    }
    Map.Entry<String, JsonElement> typed = element.getAsJsonObject().entrySet().iterator().next();
    String type = typed.getKey();
    JsonElement content = typed.getValue();
    String at = path + "." + type;
    switch (type) {
      case "S":
        return new AttributeValue.S(string(content, at, index));
      case "N":
        return new AttributeValue.N(number(content, at, index));
      case "B":
        return new AttributeValue.B(string(content, at, index));
      case "BOOL":
        return new AttributeValue.BOOL(bool(content, at, index));
      case "NULL":
        bool(content, at, index);
        return new AttributeValue.NULL();
      case "M":
        if (!content.isJsonObject()) {
          throw invalid(at, index, "is " + EventFields.kind(content) + ", not an object");
        }
        return new AttributeValue.M(attributes(content.getAsJsonObject(), at, index, depth + 1));
      case "L": {
        JsonArray array = array(content, at, index);
        List<AttributeValue> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
          values.add(value(array.get(i), at + "[" + i + "]", index, depth + 1));
        }
        return new AttributeValue.L(values);
      }
      case "SS":
        return new AttributeValue.SS(strings(content, at, index, false));
      case "NS":
        return new AttributeValue.NS(strings(content, at, index, true));
      case "BS":
        return new AttributeValue.BS(strings(content, at, index, false));
      default:
        throw invalid(path, index, "has an unknown attribute type; expected S, N, B, BOOL, NULL, M, L, SS, NS or"
            + " BS");
    }
  }

  private static String string(JsonElement content, String at, int index) throws InvalidDynamoDbEventException {
    if (!content.isJsonPrimitive() || !content.getAsJsonPrimitive().isString()) {
      throw invalid(at, index, "is " + EventFields.kind(content) + ", not a string");
    }
    return content.getAsString();
  }

  /** A number's text, checked to be a decimal number (DynamoDB sends numbers as strings). */
  private static String number(JsonElement content, String at, int index) throws InvalidDynamoDbEventException {
    String text = string(content, at, index);
    try {
      new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw invalid(at, index, "is not a decimal number");
    }
    return text;
  }

  private static boolean bool(JsonElement content, String at, int index) throws InvalidDynamoDbEventException {
    if (!content.isJsonPrimitive() || !((JsonPrimitive) content).isBoolean()) {
      throw invalid(at, index, "is " + EventFields.kind(content) + ", not a boolean");
    }
    return content.getAsBoolean();
  }

  private static JsonArray array(JsonElement content, String at, int index) throws InvalidDynamoDbEventException {
    if (!content.isJsonArray()) {
      throw invalid(at, index, "is " + EventFields.kind(content) + ", not an array");
    }
    return content.getAsJsonArray();
  }

  private static List<String> strings(JsonElement content, String at, int index, boolean numbers)
      throws InvalidDynamoDbEventException {
    JsonArray array = array(content, at, index);
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String item = at + "[" + i + "]";
      values.add(numbers ? number(array.get(i), item, index) : string(array.get(i), item, index));
    }
    return values;
  }

  private static InvalidDynamoDbEventException invalid(String path, int index, String problem) {
    return FIELDS.invalid("record " + index + " field \"" + path + "\" " + problem);
  }
}
