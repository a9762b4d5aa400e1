package dev.lambdaguice.handlers.batch;

import java.util.Objects;

/**
 * One failed record of a batch, as Lambda reads it from a batch response: {@code {"itemIdentifier": "<id>"}}.
 *
 * @param itemIdentifier the failed record's id: an SQS message id, or a stream record's sequence number
 */
public record BatchItemFailure(String itemIdentifier) {

  public BatchItemFailure {
    Objects.requireNonNull(itemIdentifier, "itemIdentifier");
  }
}
