package dev.lambdaguice.handlers.sqs;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/**
 * The event Lambda sends for an SQS event source mapping: a batch of messages, as in {@code {"Records": [...]}}.
 *
 * @param records the messages, in the order Lambda delivered them (never null)
 */
public record SqsEvent(@SerializedName("Records") List<SqsMessage> records) {

  public SqsEvent {
    records = records == null ? List.of() : List.copyOf(records);
  }
}
