package dev.lambdaguice.handlers.dynamodb;

/** What happened to the item: a stream record's {@code eventName}. */
public enum DynamoDbEventName {
  /** A new item was put; the record has a {@code NewImage} (unless the view is {@code KEYS_ONLY} or {@code OLD_IMAGE}). */
  INSERT,
  /** An item was changed; the record has both images with {@code NEW_AND_OLD_IMAGES}. */
  MODIFY,
  /** An item was deleted, by a caller or by TTL; the record has no {@code NewImage}. */
  REMOVE
}
