package dev.lambdaguice.http.client;

import com.google.inject.AbstractModule;
import java.time.Duration;

/** {@link FetchModule} with a margin longer than any invocation, and no trace header passed on. */
public final class NoTimeLeftModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new FetchModule());
    LambdaHttpClient.settings(binder()).toInstance(HttpClientSettings.defaults()
        .withDeadlineMargin(Duration.ofMinutes(10)).withPropagateTraceHeader(false));
  }
}
