package dev.lambdaguice.handlers.sns;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * The event SNS invokes a subscribed function with: its records, in practice always one.
 *
 * @param records the notifications; never null
 */
public record SnsEvent(@SerializedName("Records") List<SnsRecord> records) {

  public SnsEvent {
    records = records == null ? List.of() : List.copyOf(records);
  }
}
