package dev.lambdaguice.handlers.http;

import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * Handles the requests of one route, such as {@code GET /books/{isbn}}. The body type {@code B} comes from the
 * implementing class:
 * <ul>
 *   <li>{@code Void}: no body is read (one that is sent is ignored);
 *   <li>{@code String}: the body as UTF-8 text; {@code byte[]}: the bytes as sent (base64 already decoded);
 *   <li>{@code JsonElement} (or {@code JsonObject}, {@code JsonArray}), or any other type: the body read as JSON,
 *       other types by the injector's {@link com.google.gson.Gson}. An empty body, a body that does not fit, or a
 *       {@code content-type} that is not JSON is answered 400 or 415 before the handler is called.
 * </ul>
 * The result {@code R}: an {@link HttpResponse} is sent as it is; {@code null} is 204 No Content; any other value
 * is 200 with the value as JSON. Throw {@link HttpException} for an expected failure, or an exception mapped with
 * {@link HttpHandlers#errors}; anything else is a 500 whose stack trace is logged, never sent.
 *
 * <p>The route asks the injector for its handler on every request, so the handler's scope decides how often it is
 * made: annotate the class {@code @Singleton} (the usual choice) to make it once, or bind it
 * {@code asEagerSingleton()} to make it during init; unscoped, it is constructed per request. A singleton is
 * called concurrently under {@code AWS_LAMBDA_MAX_CONCURRENCY}, so keep per-request state in local variables.
 *
 * @param <B> the request body type
 * @param <R> the result type
 */
@FunctionalInterface
public interface HttpRoute<B, R> {

  /** Handles one request of the route. */
  R handle(HttpRequest<B> request, LambdaContext context) throws Exception;
}
