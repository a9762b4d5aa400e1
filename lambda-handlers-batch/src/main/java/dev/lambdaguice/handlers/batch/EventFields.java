package dev.lambdaguice.handlers.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.function.Function;

/**
 * Reads the fields of a batch event's JSON tree ({@code {"Records": [...]}}), independent of the application's
 * Gson. Problems say where the event is wrong ({@code record 3 field "kinesis.data"}) and what kind of JSON value
 * is there, never the value itself, and become the source module's exception.
 *
 * @param <E> the source module's invalid-event exception
 */
public final class EventFields<E extends Exception> {

  private final Function<String, E> invalid;

  /** {@code invalid} makes the module's exception from a problem ({@code "record 0 has no \"eventID\""}). */
  public EventFields(Function<String, E> invalid) {
    this.invalid = invalid;
  }

  /** The event's {@code Records} array. */
  public JsonArray records(JsonElement event) throws E {
    if (event == null || !event.isJsonObject()) {
      throw invalid("expected a JSON object with a \"Records\" array, got " + kind(event));
    }
    JsonElement records = event.getAsJsonObject().get("Records");
    if (records == null) {
      throw invalid("it has no \"Records\" array");
    }
    if (!records.isJsonArray()) {
      throw invalid("\"Records\" is " + kind(records) + ", not an array");
    }
    return records.getAsJsonArray();
  }

  /** Record {@code index}, which must be an object. */
  public JsonObject record(JsonElement record, int index) throws E {
    if (record == null || !record.isJsonObject()) {
      throw invalid("record " + index + " is " + kind(record) + ", not an object");
    }
    return record.getAsJsonObject();
  }

  /** The object member {@code name} of {@code object}, found at {@code parent} in the record, or null. */
  public JsonObject object(JsonObject object, String parent, String name, int index) throws E {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonObject()) {
      throw invalid(field(index, parent, name) + " is " + kind(value) + ", not an object");
    }
    return value.getAsJsonObject();
  }

  /** Like {@link #object} for a member that must be there. */
  public JsonObject requiredObject(JsonObject object, String parent, String name, int index) throws E {
    JsonObject value = object(object, parent, name, index);
    if (value == null) {
      throw invalid("record " + index + " has no " + path(parent, name) + " object");
    }
    return value;
  }

  /** The string member {@code name} of {@code object}, found at {@code parent} in the record, or null. */
  public String string(JsonObject object, String parent, String name, int index) throws E {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw invalid(field(index, parent, name) + " is " + kind(value) + ", not a string");
    }
    return value.getAsString();
  }

  /** Like {@link #string} for a member that must be there and not blank. */
  public String requiredString(JsonObject object, String parent, String name, int index) throws E {
    String value = string(object, parent, name, index);
    if (value == null || value.isBlank()) {
      throw invalid("record " + index + " has no " + path(parent, name));
    }
    return value;
  }

  /** The number member {@code name} of {@code object}, found at {@code parent} in the record, or null. */
  public BigDecimal number(JsonObject object, String parent, String name, int index) throws E {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw invalid(field(index, parent, name) + " is " + kind(value) + ", not a number");
    }
    try {
      return value.getAsBigDecimal();
    } catch (NumberFormatException e) {
      throw invalid(field(index, parent, name) + " is not a decimal number");
    }
  }

  /** The number member {@code name} as epoch seconds (with a fraction), or null. */
  public Instant epochSeconds(JsonObject object, String parent, String name, int index) throws E {
    BigDecimal seconds = number(object, parent, name, index);
    if (seconds == null) {
      return null;
    }
    try {
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValue());
    } catch (ArithmeticException | DateTimeException e) {
      throw invalid(field(index, parent, name) + " is out of range for a time");
    }
  }

  /** The exception for {@code problem}. */
  public E invalid(String problem) {
    return invalid.apply(problem);
  }

  /** {@code record 3 field "kinesis.data"}. */
  public static String field(int index, String parent, String name) {
    return "record " + index + " field " + path(parent, name);
  }

  private static String path(String parent, String name) {
    return "\"" + (parent == null ? name : parent + "." + name) + "\"";
  }

  /** What kind of JSON value {@code value} is, for problems: {@code an object}, {@code a string}, ... */
  public static String kind(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return "null";
    }
    if (value.isJsonObject()) {
      return "an object";
    }
    if (value.isJsonArray()) {
      return "an array";
    }
    if (value.getAsJsonPrimitive().isString()) {
      return "a string";
    }
    return value.getAsJsonPrimitive().isNumber() ? "a number" : "a boolean";
  }
}
