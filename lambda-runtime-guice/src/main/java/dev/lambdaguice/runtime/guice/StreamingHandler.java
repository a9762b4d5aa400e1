package dev.lambdaguice.runtime.guice;

/**
 * A function that streams its response (Lambda response streaming: function URLs with
 * {@code InvokeMode: RESPONSE_STREAM}, and {@code InvokeWithResponseStream}): it gets one event and writes its
 * answer to a {@link ResponseStream}, whose bytes reach the caller as they are flushed, up to
 * {@link ResponseStream#MAX_BYTES}.
 *
 * <p>The event type {@code I} is read from the handler's class by the same rules as {@link LambdaHandler}'s
 * ({@code byte[]}, {@code String}, a JSON tree, or anything the injector's Gson reads); an event that does not fit
 * never reaches the handler and fails the invocation with {@code Runtime.InvalidEvent}.
 *
 * <p>An exception thrown before the first byte left (nothing written, or only what still sits in the stream's
 * chunk buffer) fails the invocation like a {@link LambdaHandler}'s, with an ordinary error; thrown after it, the
 * error goes to the caller in the stream's trailers, with the same error type and report. An {@link Error} also ends
 * the process. The runtime ends the stream when {@code handle} returns; the handler need not close it.
 *
 * <p>Bind streaming handlers with {@link LambdaHandlers#bindStreaming}; like handlers, one instance serves every
 * invocation and must be safe to call concurrently under {@code AWS_LAMBDA_MAX_CONCURRENCY}.
 *
 * @param <I> the event type
 */
@FunctionalInterface
public interface StreamingHandler<I> {

  /** Handles one invocation, writing its response to {@code out}. */
  void handle(I event, ResponseStream out, LambdaContext context) throws Exception;
}
