package dev.lambdaguice.handlers.kinesis;

import java.time.Instant;

/**
 * One record of a Kinesis batch, as Lambda delivers it. The data the record handler gets is {@link #data()},
 * decoded from base64 and read as its type.
 *
 * @param partitionKey the partition key the producer put the record with
 * @param sequenceNumber the record's sequence number in its shard; what a batch response names for a failure
 * @param data the record's data as delivered: base64 (empty for a record with no data). Records a producer
 *     aggregated with the KPL arrive aggregated: read them as {@code byte[]} and de-aggregate them yourself
 * @param approximateArrivalTimestamp when the stream got the record, or null if the event has none
 * @param encryptionType {@code NONE} or {@code KMS}, or null if the event has none
 * @param kinesisSchemaVersion the format version of the {@code kinesis} object, {@code 1.0}
 * @param eventId {@code shardId-...:<sequenceNumber>}
 * @param shardId the shard the record comes from, read from {@link #eventId()}; null if it does not name one
 * @param eventName {@code aws:kinesis:record}
 * @param eventSource {@code aws:kinesis}
 * @param eventVersion {@code 1.0}
 * @param eventSourceArn the stream's ARN
 * @param awsRegion the stream's region
 * @param invokeIdentityArn the role the event source mapping reads the stream with
 */
public record KinesisRecord(
    String partitionKey,
    String sequenceNumber,
    String data,
    Instant approximateArrivalTimestamp,
    String encryptionType,
    String kinesisSchemaVersion,
    String eventId,
    String shardId,
    String eventName,
    String eventSource,
    String eventVersion,
    String eventSourceArn,
    String awsRegion,
    String invokeIdentityArn) {}
