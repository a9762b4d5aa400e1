package dev.lambdaguice.handlers.dynamodb;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Converts attribute values to plain JSON, the form an item type is read from: {@code S} and {@code B} are
 * strings (a binary stays base64), {@code N} a JSON number (its exact decimal), {@code BOOL} a boolean,
 * {@code NULL} null, {@code M} an object, {@code L} and the sets arrays ({@code NS} of numbers).
 */
public final class AttributeValues {

  private AttributeValues() {}

  /**
   * An item (an image, or its keys) as a plain JSON object.
   *
   * @throws NumberFormatException a number attribute is not a decimal number
   */
  public static JsonObject toJson(Map<String, AttributeValue> item) {
    JsonObject object = new JsonObject();
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      object.add(attribute.getKey(), toJson(attribute.getValue()));
    }
    return object;
  }

  /**
   * One attribute value as plain JSON.
   *
   * @throws NumberFormatException a number is not a decimal number
   */
  public static JsonElement toJson(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return new JsonPrimitive(s.value());
    } else if (value instanceof AttributeValue.N n) {
      return new JsonPrimitive(n.decimal());
    } else if (value instanceof AttributeValue.B b) {
      return new JsonPrimitive(b.value());
    } else if (value instanceof AttributeValue.BOOL bool) {
      return new JsonPrimitive(bool.value());
    } else if (value instanceof AttributeValue.M m) {
      return toJson(m.value());
    } else if (value instanceof AttributeValue.L l) {
      JsonArray array = new JsonArray(l.value().size());
      for (AttributeValue item : l.value()) {
        array.add(toJson(item));
      }
      return array;
    } else if (value instanceof AttributeValue.SS ss) {
      return strings(ss.value());
    } else if (value instanceof AttributeValue.NS ns) {
      JsonArray array = new JsonArray(ns.value().size());
      for (String number : ns.value()) {
        array.add(new BigDecimal(number));
      }
      return array;
    } else if (value instanceof AttributeValue.BS bs) {
      return strings(bs.value());
    }
    return JsonNull.INSTANCE; // AttributeValue.NULL, the last case of the sealed type
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray(values.size());
    for (String value : values) {
      array.add(value);
    }
    return array;
  }
}
