package dev.lambdaguice.handlers.dynamodb;

import java.util.Map;
import java.util.Optional;

/**
 * One change as a record handler gets it: the stream record, and its images read as the handler's item type.
 *
 * @param record the stream record: event name, keys, typed images, sequence number, TTL identity, ...
 * @param newImage the item after the change, read as {@code T}; empty when the record has no {@code NewImage}
 * @param oldImage the item before the change, read as {@code T}; empty when the record has no {@code OldImage}
 * @param <T> the item type
 */
public record DynamoDbChange<T>(DynamoDbRecord record, Optional<T> newImage, Optional<T> oldImage) {

  /** {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
  public DynamoDbEventName eventName() {
    return record.eventName();
  }

  /** The item's key attributes. */
  public Map<String, AttributeValue> keys() {
    return record.keys();
  }

  /** The record's sequence number. */
  public String sequenceNumber() {
    return record.sequenceNumber();
  }

  /** True for an item Time to Live deleted. */
  public boolean timeToLiveDeletion() {
    return record.timeToLiveDeletion();
  }
}
