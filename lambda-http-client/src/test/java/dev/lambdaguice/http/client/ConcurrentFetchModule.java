package dev.lambdaguice.http.client;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import jakarta.inject.Inject;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Key {@code gather-fetch}: waits until {@value #PARTIES} invocations are inside, then GETs the event (a URL) with
 * the shared client, whose application interceptor {@link RequestIdHeader} sends the request id it finds on the
 * call as {@code X-Request-Id}.
 */
public final class ConcurrentFetchModule extends AbstractModule {

  static final int PARTIES = 3;

  @Override
  protected void configure() {
    install(new LambdaHttpClientModule());
    LambdaHttpClient.interceptors(binder()).to(RequestIdHeader.class);
    LambdaHandlers.bind(binder(), "gather-fetch").to(GatherFetch.class).in(Scopes.SINGLETON);
  }

  /** Reads the invocation's context from the call, as any application interceptor can. */
  static final class RequestIdHeader implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws java.io.IOException {
      LambdaContext context = chain.request().tag(LambdaContext.class);
      return chain.proceed(chain.request().newBuilder()
          .header("X-Request-Id", context == null ? "none" : context.requestId()).build());
    }
  }

  static final class GatherFetch implements LambdaHandler<String, String> {
    private final CyclicBarrier barrier = new CyclicBarrier(PARTIES);
    private final OkHttpClient client;

    @Inject
    GatherFetch(OkHttpClient client) {
      this.client = client;
    }

    @Override
    public String handle(String url, LambdaContext context) throws Exception {
      barrier.await(30, TimeUnit.SECONDS);
      try (Response response = client.newCall(new Request.Builder().url(url.replace("\"", "")).build()).execute()) {
        return response.body().string();
      }
    }
  }
}
