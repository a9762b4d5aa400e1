package dev.lambdaguice.handlers.servicecall;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/**
 * Binds {@link ServiceCallHandler} under the key {@value #KEY}, and the (possibly empty) set of services exposed
 * with {@link ServiceCalls#expose}. Instances are equal to each other, so installing it more than once (for example
 * from the application and from another handler module) installs it once.
 */
public final class ServiceCallModule extends AbstractModule {

  /** The handler key. */
  public static final String KEY = "service-call";

  @Override
  protected void configure() {
    ServiceCalls.exposures(binder());
    LambdaHandlers.bind(binder(), KEY).to(ServiceCallHandler.class).in(Scopes.SINGLETON);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == ServiceCallModule.class;
  }

  @Override
  public int hashCode() {
    return ServiceCallModule.class.hashCode();
  }
}
