package dev.lambdaguice.handlers.sqs;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/**
 * One failed record of a batch, as Lambda reads it from a batch response: {@code {"itemIdentifier": "<messageId>"}}.
 *
 * @param itemIdentifier the failed record's {@code messageId}
 */
public record BatchItemFailure(@SerializedName("itemIdentifier") String itemIdentifier) {

  public BatchItemFailure {
    Objects.requireNonNull(itemIdentifier, "itemIdentifier");
  }
}
