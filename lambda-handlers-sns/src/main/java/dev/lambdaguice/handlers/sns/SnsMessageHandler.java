package dev.lambdaguice.handlers.sns;

import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * Handles one SNS notification. Bind it with {@link SnsHandlers#bind}; the handler around it reads each record's
 * {@code Message} as {@code T} and calls this once per record.
 *
 * <p>{@code T} is read from the implementing class: {@code String} gets the message as published;
 * {@code JsonElement} (or {@code JsonObject}, {@code JsonArray}) the message parsed as JSON; any other type is read
 * from the message JSON by the injector's {@link com.google.gson.Gson}.
 *
 * <p>Throwing fails the invocation: SNS invokes functions asynchronously, so Lambda retries the whole delivery
 * (twice by default) and then sends it to the function's on-failure destination or dead-letter queue, if any.
 * Make handling idempotent: a notification can arrive more than once.
 *
 * @param <T> the message type
 */
@FunctionalInterface
public interface SnsMessageHandler<T> {

  /**
   * Handles one notification.
   *
   * @param message the notification's {@code Message}, read as {@code T}
   * @param notification the whole notification: message id, topic, subject, attributes, timestamp, ...
   * @param context the invocation
   */
  void handle(T message, SnsMessage notification, LambdaContext context) throws Exception;
}
