package dev.lambdaguice.handlers.eventbridge;

import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * Handles the events of one route (a source and a detail-type). {@code T}, the type the event's {@code detail} is
 * read as, comes from the implementing class: {@code JsonElement} for the JSON itself, anything else read by the
 * injector's {@link com.google.gson.Gson}. Throwing fails the invocation; EventBridge then retries it (up to 24
 * hours by default) before the target's dead-letter queue, if any.
 *
 * @param <T> the detail type
 */
@FunctionalInterface
public interface EventBridgeHandler<T> {

  /** Handles one event: its {@code detail} as {@code T}, and the whole event. */
  void handle(T detail, EventBridgeEvent event, LambdaContext context) throws Exception;
}
