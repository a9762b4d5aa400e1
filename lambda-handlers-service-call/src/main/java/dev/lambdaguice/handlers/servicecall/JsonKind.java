package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.StringJoiner;

/** The kind of a JSON value, used to tell overloads apart and to describe arguments without their values. */
enum JsonKind {
  NULL("null"),
  BOOLEAN("boolean"),
  NUMBER("number"),
  STRING("string"),
  ARRAY("array"),
  OBJECT("object");

  private static final int ALL = (1 << values().length) - 1;

  private final String label;

  JsonKind(String label) {
    this.label = label;
  }

  /** The kind of {@code element}; Java null counts as JSON null. */
  static JsonKind of(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return NULL;
    }
    if (element.isJsonObject()) {
      return OBJECT;
    }
    if (element.isJsonArray()) {
      return ARRAY;
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    return primitive.isBoolean() ? BOOLEAN : primitive.isNumber() ? NUMBER : STRING;
  }

  int bit() {
    return 1 << ordinal();
  }

  /** "a JSON string", "JSON null", ...: for messages. */
  String describe() {
    return this == NULL ? "JSON null" : "a JSON " + label;
  }

  /** "(string, number)": the kinds of {@code args}, for messages. */
  static String describe(List<JsonElement> args) {
    StringJoiner kinds = new StringJoiner(", ", "(", ")");
    for (JsonElement arg : args) {
      kinds.add(of(arg).label);
    }
    return kinds.toString();
  }

  /**
   * The kinds a parameter of raw type {@code type} accepts when overloads are told apart: booleans for boolean,
   * numbers for numeric types, strings for strings, chars and enums, arrays for arrays and collections, objects for
   * maps and every other class (records, POJOs); anything for {@code Object} and {@code JsonElement}. Null fits
   * every reference type.
   */
  static int accepted(Class<?> type) {
    if (type == Object.class || type == JsonElement.class) {
      return ALL;
    }
    if (type.isPrimitive()) {
      return type == boolean.class ? BOOLEAN.bit() : type == char.class ? STRING.bit() : NUMBER.bit();
    }
    return NULL.bit() | referenceKinds(type);
  }

  private static int referenceKinds(Class<?> type) {
    if (type == Boolean.class) {
      return BOOLEAN.bit();
    }
    if (Number.class.isAssignableFrom(type)) {
      return NUMBER.bit();
    }
    if (type == String.class || type == Character.class || type == CharSequence.class || type.isEnum()) {
      return STRING.bit();
    }
    if (type == JsonPrimitive.class) {
      return BOOLEAN.bit() | NUMBER.bit() | STRING.bit();
    }
    if (type == JsonNull.class) {
      return 0;
    }
    if (type.isArray() || Iterable.class.isAssignableFrom(type)) { // JsonArray is an Iterable
      return ARRAY.bit();
    }
    return OBJECT.bit(); // maps, JsonObject, records, POJOs
  }
}
