package dev.lambdaguice.http.client;

import dev.lambdaguice.runtime.guice.InvocationScope;
import dev.lambdaguice.runtime.guice.LambdaContext;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The first interceptor of every call: a call made while an invocation runs (on its thread, or in a task wrapped
 * with {@link InvocationScope#wrap}) is tagged with the invocation's {@link LambdaContext} (later interceptors read
 * {@code chain.request().tag(LambdaContext.class)}), carries its trace header, and is cancelled when the invocation's
 * remaining time minus the margin runs out: the connect, the request, the response and the reading of its body all
 * count. A call made outside an invocation is left as it is: no stale deadline caps it.
 */
final class InvocationInterceptor implements Interceptor {

  static final String TRACE_HEADER = "X-Amzn-Trace-Id";

  private final InvocationScope scope;
  private final HttpClientSettings settings;
  private final ScheduledExecutorService timer;

  /** @param scope the runtime's scope, or null when the client runs outside the lambda-guice runtime */
  InvocationInterceptor(InvocationScope scope, HttpClientSettings settings, ScheduledExecutorService timer) {
    this.scope = scope;
    this.settings = settings;
    this.timer = timer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Optional<LambdaContext> current = scope == null ? Optional.empty() : scope.current();
    if (current.isEmpty()) {
      return chain.proceed(chain.request());
    }
    LambdaContext context = current.get();
    Request.Builder request = chain.request().newBuilder().tag(LambdaContext.class, context);
    if (settings.propagateTraceHeader() && context.traceId() != null
        && chain.request().header(TRACE_HEADER) == null) {
      request.header(TRACE_HEADER, context.traceId());
    }
    long budgetMs = context.remainingTimeMillis() - settings.deadlineMargin().toMillis();
    if (budgetMs <= 0) {
      throw new DeadlineExceededException("No time left for " + describe(chain.request()) + ": invocation "
          + context.requestId() + " has " + Math.max(context.remainingTimeMillis(), 0)
          + " ms before its deadline, and calls must end " + settings.deadlineMargin().toMillis() + " ms before it");
    }
    Call call = chain.call();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> cancel = timer.schedule(() -> {
      expired.set(true);
      call.cancel();
    }, budgetMs, TimeUnit.MILLISECONDS);
    Deadline deadline = new Deadline(cancel, expired, () -> "Cancelled " + describe(chain.request()) + " after "
        + budgetMs + " ms, " + settings.deadlineMargin().toMillis() + " ms before the deadline of invocation "
        + context.requestId());
    Response response;
    try {
      response = chain.proceed(request.build());
    } catch (IOException e) {
      throw deadline.end(e);
    } catch (RuntimeException | Error e) {
      deadline.end();
      throw e;
    }
    return response.newBuilder().body(new DeadlineBody(response.body(), deadline)).build();
  }

  /** {@code GET https://host/path}, without the query (it may hold secrets). */
  static String describe(Request request) {
    HttpUrl url = request.url();
    return request.method() + " " + url.scheme() + "://" + url.host()
        + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port()) + url.encodedPath();
  }
}
