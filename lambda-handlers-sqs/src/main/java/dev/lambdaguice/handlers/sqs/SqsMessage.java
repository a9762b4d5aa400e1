package dev.lambdaguice.handlers.sqs;

import com.google.gson.annotations.SerializedName;
import java.util.Map;

/**
 * One record of an {@link SqsEvent}, named as in the event JSON.
 *
 * @param messageId the SQS message id; what a batch response lists for a failed record
 * @param receiptHandle the receipt handle of this delivery
 * @param body the message body as sent (a string, often JSON text); null only if the record had none
 * @param attributes the system attributes ({@code ApproximateReceiveCount}, {@code SentTimestamp},
 *     {@code MessageGroupId}, ...); never null
 * @param messageAttributes the message attributes the sender set; never null
 * @param md5OfBody the MD5 digest of the body
 * @param eventSource {@code aws:sqs}
 * @param eventSourceARN the queue's ARN; it ends in {@code .fifo} for a FIFO queue
 * @param awsRegion the queue's region
 */
public record SqsMessage(
    @SerializedName("messageId") String messageId,
    @SerializedName("receiptHandle") String receiptHandle,
    @SerializedName("body") String body,
    @SerializedName("attributes") Map<String, String> attributes,
    @SerializedName("messageAttributes") Map<String, SqsMessageAttribute> messageAttributes,
    @SerializedName("md5OfBody") String md5OfBody,
    @SerializedName("eventSource") String eventSource,
    @SerializedName("eventSourceARN") String eventSourceARN,
    @SerializedName("awsRegion") String awsRegion) {

  /** The system attribute naming the message group of a FIFO (or fair) queue message. */
  public static final String MESSAGE_GROUP_ID = "MessageGroupId";

  public SqsMessage {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
  }

  /** The {@code MessageGroupId} attribute, or null when the message has none. */
  public String messageGroupId() {
    return attributes.get(MESSAGE_GROUP_ID);
  }

  /**
   * True for a message whose order within its group counts: it comes from a FIFO queue (its ARN ends in
   * {@code .fifo}) or carries a {@code MessageGroupId}.
   */
  public boolean fifo() {
    return messageGroupId() != null || (eventSourceARN != null && eventSourceARN.endsWith(".fifo"));
  }
}
