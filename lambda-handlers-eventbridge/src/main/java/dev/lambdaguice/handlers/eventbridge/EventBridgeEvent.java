package dev.lambdaguice.handlers.eventbridge;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * An EventBridge event as a target function receives it; {@code detail} is left as JSON for the route's handler
 * to read as its own type.
 *
 * @param version {@code 0}
 * @param id the event's id
 * @param detailType {@code detail-type}: what happened, e.g. {@code OrderPlaced}
 * @param source who sent it, e.g. {@code com.example.orders} or {@code aws.ec2}
 * @param account the account it was sent in
 * @param time when, ISO 8601
 * @param region the region it was sent in
 * @param resources the ARNs it concerns; never null
 * @param detail the event's own data
 * @param replayName {@code replay-name} when the event is replayed from an archive, else null
 */
public record EventBridgeEvent(
    @SerializedName("version") String version,
    @SerializedName("id") String id,
    @SerializedName("detail-type") String detailType,
    @SerializedName("source") String source,
    @SerializedName("account") String account,
    @SerializedName("time") String time,
    @SerializedName("region") String region,
    @SerializedName("resources") List<String> resources,
    @SerializedName("detail") JsonElement detail,
    @SerializedName("replay-name") String replayName) {

  public EventBridgeEvent {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }
}
