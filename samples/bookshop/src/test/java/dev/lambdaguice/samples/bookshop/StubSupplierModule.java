package dev.lambdaguice.samples.bookshop;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import okhttp3.HttpUrl;

/**
 * Points the bookshop's supplier service at a test's MockWebServer: {@link #url} is set by the test before the
 * function starts (test-only shared state; functions start at their first invocation).
 */
public final class StubSupplierModule extends AbstractModule {

  static volatile HttpUrl url;

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), SupplierApi.class).setBinding().toInstance(new SupplierApi(url));
  }
}
