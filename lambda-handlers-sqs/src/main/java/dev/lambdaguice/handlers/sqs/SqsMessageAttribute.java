package dev.lambdaguice.handlers.sqs;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * A message attribute of an {@link SqsMessage}, named as in the event JSON.
 *
 * @param stringValue the value of a {@code String} or {@code Number} attribute, or null
 * @param binaryValue the base64 value of a {@code Binary} attribute, or null
 * @param stringListValues reserved by SQS; never null
 * @param binaryListValues reserved by SQS; never null
 * @param dataType {@code String}, {@code Number} or {@code Binary}, optionally with a custom suffix
 */
public record SqsMessageAttribute(
    @SerializedName("stringValue") String stringValue,
    @SerializedName("binaryValue") String binaryValue,
    @SerializedName("stringListValues") List<String> stringListValues,
    @SerializedName("binaryListValues") List<String> binaryListValues,
    @SerializedName("dataType") String dataType) {

  public SqsMessageAttribute {
    stringListValues = stringListValues == null ? List.of() : List.copyOf(stringListValues);
    binaryListValues = binaryListValues == null ? List.of() : List.copyOf(binaryListValues);
  }
}
