package dev.lambdaguice.handlers.sns;

import com.google.gson.annotations.SerializedName;
import java.util.Map;

/**
 * One SNS notification, as SNS sends it: the {@code Sns} object of an SNS event record, and also the JSON body of an
 * SQS message delivered from an SNS subscription without raw message delivery (bind an
 * {@code SqsRecordHandler<SnsMessage>} for those; the envelope spells two URL names in capitals, both are read).
 *
 * @param type {@code Notification}
 * @param messageId the SNS message id
 * @param topicArn the topic it was published to
 * @param subject the subject, or null
 * @param message the message as published (text, often JSON)
 * @param timestamp when it was published, ISO 8601
 * @param messageAttributes the attributes the publisher set; never null
 * @param signatureVersion the signature's version
 * @param signature the signature
 * @param signingCertUrl where SNS's signing certificate is
 * @param unsubscribeUrl the subscription's unsubscribe URL
 * @param sequenceNumber the message's sequence number in a FIFO topic, else null (FIFO notifications delivered
 *     through SQS carry no signature fields)
 */
public record SnsMessage(
    @SerializedName("Type") String type,
    @SerializedName("MessageId") String messageId,
    @SerializedName("TopicArn") String topicArn,
    @SerializedName("Subject") String subject,
    @SerializedName("Message") String message,
    @SerializedName("Timestamp") String timestamp,
    @SerializedName("MessageAttributes") Map<String, SnsMessageAttribute> messageAttributes,
    @SerializedName("SignatureVersion") String signatureVersion,
    @SerializedName("Signature") String signature,
    @SerializedName(value = "SigningCertUrl", alternate = "SigningCertURL") String signingCertUrl,
    @SerializedName(value = "UnsubscribeUrl", alternate = "UnsubscribeURL") String unsubscribeUrl,
    @SerializedName("SequenceNumber") String sequenceNumber) {

  public SnsMessage {
    messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
  }

  /** The value of the message attribute {@code name}, or null. */
  public String attribute(String name) {
    SnsMessageAttribute attribute = messageAttributes.get(name);
    return attribute == null ? null : attribute.value();
  }
}
