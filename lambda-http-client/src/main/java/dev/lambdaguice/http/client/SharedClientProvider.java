package dev.lambdaguice.http.client;

import com.google.inject.Provider;
import dev.lambdaguice.runtime.guice.InvocationScope;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes the shared client once, at init: the application's builder, the invocation interceptor first, then the
 * application's interceptors; then warms it: okhttp's and the platform's TLS classes are loaded, and the configured
 * URLs pre-connected.
 */
final class SharedClientProvider implements Provider<OkHttpClient> {

  private static final Logger LOG = Logger.getLogger(SharedClientProvider.class.getName());

  private final Provider<OkHttpClient.Builder> builder;
  private final Provider<HttpClientSettings> settings;
  private final Provider<Set<Interceptor>> interceptors;
  private final Provider<Optional<InvocationScope>> scope;

  SharedClientProvider(Provider<OkHttpClient.Builder> builder, Provider<HttpClientSettings> settings,
      Provider<Set<Interceptor>> interceptors, Provider<Optional<InvocationScope>> scope) {
    this.builder = builder;
    this.settings = settings;
    this.interceptors = interceptors;
    this.scope = scope;
  }

  @Override
  public OkHttpClient get() {
    HttpClientSettings config = settings.get();
    OkHttpClient.Builder made = builder.get();
    made.interceptors().add(0, new InvocationInterceptor(scope.get().orElse(null), config, deadlineTimer()));
    made.interceptors().addAll(interceptors.get());
    OkHttpClient client = made.build();
    warm(client, config);
    return client;
  }

  /** One daemon thread cancels the calls whose invocation ran out of time; it wakes only when one does. */
  private static ScheduledThreadPoolExecutor deadlineTimer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "lambda-http-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // a call that ended takes its cancel out of the queue
    return timer;
  }

  private static void warm(OkHttpClient client, HttpClientSettings config) {
    client.sslSocketFactory(); // the platform's TLS context, the slowest part of a first HTTPS call
    client.newCall(new Request.Builder().url("http://localhost/").build()); // request and call classes; not sent
    for (String url : config.preconnect()) {
      HttpUrl parsed = HttpUrl.parse(url);
      String named = parsed == null ? "'" + url + "' (not an http(s) URL)" : withoutQuery(parsed);
      if (parsed == null) {
        LOG.warning("Could not pre-connect to " + named);
        continue;
      }
      try (Response response = client.newCall(new Request.Builder().url(parsed).head().build()).execute()) {
        LOG.fine("Pre-connected to " + named + ": " + response.code());
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not pre-connect to " + named + ": " + e);
      }
    }
  }

  /** The URL without its query, which may hold secrets. */
  private static String withoutQuery(HttpUrl url) {
    return url.newBuilder().query(null).fragment(null).build().toString();
  }
}
