package dev.lambdaguice.handlers.dynamodb;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a DynamoDB Streams batch, as Lambda delivers it, with its images as typed attribute maps (in the
 * event's attribute order). An image the stream does not carry is empty: {@code KEYS_ONLY} streams carry neither,
 * {@code NEW_IMAGE} streams no {@code OldImage}, {@code OLD_IMAGE} streams no {@code NewImage}, an {@code INSERT}
 * has no {@code OldImage} and a {@code REMOVE} no {@code NewImage}.
 *
 * @param eventId the record's id
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param eventVersion the record format's version, {@code 1.1}
 * @param eventSource {@code aws:dynamodb}
 * @param awsRegion the table's region
 * @param eventSourceArn the stream's ARN ({@code arn:aws:dynamodb:...:table/Books/stream/...})
 * @param approximateCreationDateTime when the change was made, to the second; null if the event has none
 * @param keys the item's key attributes; never null
 * @param newImage the item after the change, if the stream carries it
 * @param oldImage the item before the change, if the stream carries it
 * @param sequenceNumber the record's sequence number in its shard; what a batch response names for a failure
 * @param sizeBytes the size of the stream record, in bytes; 0 if the event has none
 * @param streamViewType {@code KEYS_ONLY}, {@code NEW_IMAGE}, {@code OLD_IMAGE} or {@code NEW_AND_OLD_IMAGES};
 *     null if the event has none
 * @param userIdentity who made the change: present only for a deletion by Time to Live
 */
public record DynamoDbRecord(
    String eventId,
    DynamoDbEventName eventName,
    String eventVersion,
    String eventSource,
    String awsRegion,
    String eventSourceArn,
    Instant approximateCreationDateTime,
    Map<String, AttributeValue> keys,
    Optional<Map<String, AttributeValue>> newImage,
    Optional<Map<String, AttributeValue>> oldImage,
    String sequenceNumber,
    long sizeBytes,
    String streamViewType,
    Optional<UserIdentity> userIdentity) {

  public DynamoDbRecord {
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    keys = keys == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    newImage = newImage == null ? Optional.empty() : newImage;
    oldImage = oldImage == null ? Optional.empty() : oldImage;
    userIdentity = userIdentity == null ? Optional.empty() : userIdentity;
  }

  /** True for an item Time to Live deleted: a {@code REMOVE} made by DynamoDB itself. */
  public boolean timeToLiveDeletion() {
    return eventName == DynamoDbEventName.REMOVE && userIdentity.map(UserIdentity::timeToLive).orElse(false);
  }
}
