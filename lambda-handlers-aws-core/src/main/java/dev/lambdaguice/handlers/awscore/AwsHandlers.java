package dev.lambdaguice.handlers.awscore;

import com.google.inject.Binder;

/**
 * Serves existing {@code aws-lambda-java-core} handlers ({@code RequestHandler<I, O>} and
 * {@code RequestStreamHandler} classes) under handler keys, unchanged. Guice creates the handler, so its constructor
 * may take {@code @Inject} dependencies.
 *
 * <pre>{@code
 * public final class OrdersModule extends AbstractModule {
 *   @Override protected void configure() {
 *     AwsHandlers.bind(binder(), "place-order").to(PlaceOrderHandler.class);   // RequestHandler<Order, Receipt>
 *     AwsHandlers.bind(binder(), "resize").to(ResizeImageHandler.class);       // RequestStreamHandler
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code RequestHandler<I, O>}: each event is read as {@code I} from JSON by the injector's {@code Gson}, as
 *       AWS's runtime reads it with its serializer: a {@code String} event type gets the JSON string decoded
 *       ({@code "hi"} gives {@code hi}). An event that does not fit {@code I} fails with
 *       {@code Runtime.InvalidEvent}. The result is written as JSON by the same {@code Gson} (a {@code String} as a
 *       JSON string, {@code null} and {@code Void} as {@code null}).
 *   <li>{@code RequestStreamHandler}: the handler reads the event bytes from the {@code InputStream}; what it writes
 *       to the {@code OutputStream} is the response, byte for byte, sent when it returns (buffered, not streamed).
 *   <li>The {@code Context} is backed by the invocation's {@code LambdaContext}; its {@code LambdaLogger} logs
 *       through {@code java.util.logging}, so its lines carry the request id in the runtime's format.
 *   <li>An exception the handler throws fails the invocation with its class as {@code errorType}, as for any handler.
 * </ul>
 */
public final class AwsHandlers {

  private AwsHandlers() {}

  /** Starts the binding of the AWS handler served under the handler key {@code key}. */
  public static AwsBindingBuilder bind(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return new AwsBindingBuilder(binder.skipSources(AwsHandlers.class, AwsBindingBuilder.class), key);
  }
}
