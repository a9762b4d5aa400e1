package dev.lambdaguice.handlers.sns;

import com.google.gson.annotations.SerializedName;

/**
 * One record of an {@link SnsEvent}.
 *
 * @param eventSource {@code aws:sns}
 * @param eventVersion {@code 1.0}
 * @param eventSubscriptionArn the subscription that delivered it
 * @param sns the notification
 */
public record SnsRecord(
    @SerializedName("EventSource") String eventSource,
    @SerializedName("EventVersion") String eventVersion,
    @SerializedName("EventSubscriptionArn") String eventSubscriptionArn,
    @SerializedName("Sns") SnsMessage sns) {}
