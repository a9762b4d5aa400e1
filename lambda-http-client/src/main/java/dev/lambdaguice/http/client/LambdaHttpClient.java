package dev.lambdaguice.http.client;

import com.google.inject.Binder;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * How an application adds to the shared {@link OkHttpClient} that {@link LambdaHttpClientModule} provides, without
 * losing its Lambda behaviour (the deadline cap and the trace header come first in every call):
 *
 * <pre>{@code
 * public final class AppModule extends AbstractModule {
 *   @Override protected void configure() {
 *     install(new LambdaHttpClientModule());
 *     LambdaHttpClient.interceptors(binder()).to(SigningInterceptor.class);
 *     LambdaHttpClient.settings(binder()).toInstance(
 *         HttpClientSettings.defaults().withPreconnect("https://api.example.com/health"));
 *     LambdaHttpClient.builder(binder()).toInstance(new OkHttpClient.Builder().followRedirects(false));
 *   }
 * }
 * }</pre>
 */
public final class LambdaHttpClient {

  private LambdaHttpClient() {}

  /** Adds an application interceptor; they run in binding order, after the client's own. */
  public static LinkedBindingBuilder<Interceptor> interceptors(Binder binder) {
    return interceptorSet(binder.skipSources(LambdaHttpClient.class)).addBinding();
  }

  /** Replaces {@link HttpClientSettings#defaults()}. */
  public static LinkedBindingBuilder<HttpClientSettings> settings(Binder binder) {
    return settingsBinder(binder.skipSources(LambdaHttpClient.class)).setBinding();
  }

  /**
   * The builder the client is made from, for okhttp's own settings (timeouts, redirects, a proxy, TLS); the client
   * adds its interceptors to it. Defaults to {@code new OkHttpClient.Builder()}.
   */
  public static LinkedBindingBuilder<OkHttpClient.Builder> builder(Binder binder) {
    return builderBinder(binder.skipSources(LambdaHttpClient.class)).setBinding();
  }

  static Multibinder<Interceptor> interceptorSet(Binder binder) {
    return Multibinder.newSetBinder(binder, Interceptor.class, ForLambdaHttpClient.class);
  }

  static OptionalBinder<HttpClientSettings> settingsBinder(Binder binder) {
    return OptionalBinder.newOptionalBinder(binder, HttpClientSettings.class);
  }

  static OptionalBinder<OkHttpClient.Builder> builderBinder(Binder binder) {
    return OptionalBinder.newOptionalBinder(binder, OkHttpClient.Builder.class);
  }
}
