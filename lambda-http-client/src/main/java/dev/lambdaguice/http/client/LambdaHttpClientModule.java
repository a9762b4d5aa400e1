package dev.lambdaguice.http.client;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import dev.lambdaguice.runtime.guice.InvocationScope;
import dev.lambdaguice.runtime.guice.LambdaHooks;
import java.util.Optional;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Binds one shared {@link OkHttpClient}, made for Lambda: an eager singleton, so it is built and warmed during init
 * (where Lambda gives full CPU) and not in a user's first request; every call made during an invocation ends before
 * that invocation's deadline minus a margin (a {@link DeadlineExceededException} the handler can handle, instead
 * of "Task timed out") and carries its X-Ray trace header; with SnapStart, its pooled connections are evicted
 * before the snapshot and after each restore. Inject {@code OkHttpClient}; configure it with
 * {@link LambdaHttpClient}. Installing it twice is harmless.
 */
public final class LambdaHttpClientModule extends AbstractModule {

  @Override
  protected void configure() {
    LambdaHttpClient.interceptorSet(binder());
    LambdaHttpClient.settingsBinder(binder()).setDefault().toInstance(HttpClientSettings.defaults());
    LambdaHttpClient.builderBinder(binder()).setDefault().toProvider(OkHttpClient.Builder::new);
    OptionalBinder.newOptionalBinder(binder(), InvocationScope.class); // the runtime binds it; absent elsewhere
    bind(OkHttpClient.class).toProvider(new SharedClientProvider(
        getProvider(OkHttpClient.Builder.class),
        getProvider(HttpClientSettings.class),
        getProvider(Key.get(new TypeLiteral<Set<Interceptor>>() {}, ForLambdaHttpClient.class)),
        getProvider(new Key<Optional<InvocationScope>>() {}))).asEagerSingleton();
    LambdaHooks.beforeCheckpoint(binder()).to(EvictConnections.class);
    LambdaHooks.afterRestore(binder()).to(EvictConnections.class);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LambdaHttpClientModule;
  }

  @Override
  public int hashCode() {
    return LambdaHttpClientModule.class.hashCode();
  }
}
