package dev.lambdaguice.handlers.sns;

import com.google.inject.Binder;

/**
 * Binds SNS handlers: the application writes an {@link SnsMessageHandler} for one notification and gets a handler
 * key serving SNS events.
 *
 * <pre>{@code
 * public final class AlertsModule extends AbstractModule {
 *   @Override protected void configure() {
 *     SnsHandlers.bind(binder(), "alerts").to(AlertHandler.class);  // AlertHandler implements SnsMessageHandler<Alert>
 *   }
 * }
 * }</pre>
 *
 * <p>The handler bound under the key ({@code LambdaHandler<SnsEvent, Void>}) calls the message handler once per
 * record, in order, with the record's {@code Message} read as the handler's type; it answers {@code null}. A message
 * that does not fit the type ({@link UnreadableSnsMessageException}), an exception from the message handler, or an
 * event that is not an SNS event ({@link InvalidSnsEventException}) fails the invocation, and SNS's asynchronous
 * delivery is retried by Lambda: there is no partial success for SNS.
 */
public final class SnsHandlers {

  private SnsHandlers() {}

  /** Starts the binding of an SNS handler served under the handler key {@code key}. */
  public static SnsBindingBuilder bind(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return new SnsBindingBuilder(binder.skipSources(SnsHandlers.class, SnsBindingBuilder.class), key);
  }
}
