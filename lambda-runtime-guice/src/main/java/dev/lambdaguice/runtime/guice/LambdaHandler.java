package dev.lambdaguice.runtime.guice;

/**
 * A function served by the runtime: it gets one event and answers with one result.
 *
 * <p>The event type {@code I} is read from the handler's class, so implement this interface with concrete types:
 * <ul>
 *   <li>{@code byte[]}: the event bytes exactly as received;
 *   <li>{@code String}: the event as UTF-8 text, not JSON-decoded;
 *   <li>{@code JsonElement} (or {@code JsonObject}, {@code JsonArray}): the parsed JSON tree;
 *   <li>anything else (a record, a POJO, {@code List<Foo>}, {@code Map<String, Bar>}, a boxed primitive): read from
 *       the event JSON by the injector's {@link com.google.gson.Gson}.
 * </ul>
 * An event that does not fit {@code I} never reaches the handler: the invocation fails with
 * {@code Runtime.InvalidEvent}.
 *
 * <p>The result is written as JSON by the same {@code Gson} ({@code null} becomes {@code null}); return a
 * {@link RawResponse} to send bytes or text as they are. An exception thrown here fails the invocation with the
 * exception's class as {@code errorType}; an {@link Error} also ends the process, so Lambda starts a fresh one.
 *
 * <p>Bind handlers with {@link LambdaHandlers#bind}. One instance serves every invocation of the process; it may be
 * a singleton holding clients and caches that live across invocations.
 *
 * <p><b>Implementations must be safe to call concurrently.</b> Under {@code AWS_LAMBDA_MAX_CONCURRENCY} (Lambda
 * Managed Instances) several poll loops call {@link #handle} on the same instance at once, each on its own thread:
 * keep per-invocation state in local variables or {@link InvocationScoped} objects, and shared state in
 * thread-safe types.
 *
 * @param <I> the event type
 * @param <O> the result type
 */
@FunctionalInterface
public interface LambdaHandler<I, O> {

  /** Handles one invocation. */
  O handle(I event, LambdaContext context) throws Exception;
}
