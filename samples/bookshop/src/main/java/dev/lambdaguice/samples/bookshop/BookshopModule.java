package dev.lambdaguice.samples.bookshop;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.handlers.echo.EchoHandlerModule;
import dev.lambdaguice.handlers.servicecall.ServiceCallModule;
import dev.lambdaguice.handlers.servicecall.ServiceCalls;
import dev.lambdaguice.handlers.sqs.SqsServiceCallModule;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/**
 * The bookshop application, named in {@code LAMBDA_GUICE_MODULES}. Binds the catalog, the inventory and the order
 * service as eager singletons (built during init, at full CPU), exposes the services to service calls as
 * {@code catalog} and {@code orders}, and serves the keys {@value #API_KEY}, {@code service-call},
 * {@code sqs-service-call} and {@code echo}.
 */
public final class BookshopModule extends AbstractModule {

  /** The key of {@link ApiHandler}. */
  public static final String API_KEY = "api";

  @Override
  protected void configure() {
    install(new EchoHandlerModule());
    install(new ServiceCallModule());
    install(new SqsServiceCallModule());

    bind(Inventory.class).asEagerSingleton();
    bind(CatalogService.class).to(InMemoryCatalogService.class).asEagerSingleton();
    bind(OrderService.class).to(InMemoryOrderService.class).asEagerSingleton();

    ServiceCalls.expose(binder(), CatalogService.class, "catalog");
    ServiceCalls.expose(binder(), OrderService.class, "orders");

    LambdaHandlers.bind(binder(), API_KEY).to(ApiHandler.class).in(Scopes.SINGLETON);
  }
}
