package dev.lambdaguice.samples.bookshop;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.OptionalBinder;
import dev.lambdaguice.handlers.echo.EchoHandlerModule;
import dev.lambdaguice.handlers.servicecall.ServiceCallModule;
import dev.lambdaguice.handlers.servicecall.ServiceCalls;
import dev.lambdaguice.handlers.sns.SnsHandlers;
import dev.lambdaguice.handlers.sqs.SqsServiceCallModule;
import dev.lambdaguice.http.client.LambdaHttpClientModule;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/**
 * The bookshop application, named in {@code LAMBDA_GUICE_MODULES}. Binds the catalog, the inventory and the order
 * service as eager singletons (built during init, at full CPU), exposes the services to service calls as
 * {@code catalog}, {@code orders} and {@code suppliers} (an outside HTTP API, called with the shared client of
 * {@code lambda-http-client}), and serves the keys {@value #API_KEY}, {@code service-call},
 * {@code sqs-service-call}, {@value #STOCK_ARRIVALS_KEY} (SNS) and {@code echo}. The supplier API's URL comes
 * from {@code SUPPLIER_API_URL} unless a module sets {@link SupplierApi} with {@code OptionalBinder}.
 */
public final class BookshopModule extends AbstractModule {

  /** The key of {@link ApiHandler}. */
  public static final String API_KEY = "api";
  /** The key of {@link StockArrivalHandler}, the supplier's delivery notifications (SNS). */
  public static final String STOCK_ARRIVALS_KEY = "stock-arrivals";

  @Override
  protected void configure() {
    install(new EchoHandlerModule());
    install(new ServiceCallModule());
    install(new SqsServiceCallModule());
    install(new LambdaHttpClientModule());

    bind(Inventory.class).asEagerSingleton();
    bind(CatalogService.class).to(InMemoryCatalogService.class).asEagerSingleton();
    bind(OrderService.class).to(InMemoryOrderService.class).asEagerSingleton();
    OptionalBinder.newOptionalBinder(binder(), SupplierApi.class).setDefault().toProvider(SupplierApi::fromEnvironment);
    bind(SupplierService.class).to(HttpSupplierService.class).asEagerSingleton();

    ServiceCalls.expose(binder(), CatalogService.class, "catalog");
    ServiceCalls.expose(binder(), OrderService.class, "orders");
    ServiceCalls.expose(binder(), SupplierService.class, "suppliers");

    LambdaHandlers.bind(binder(), API_KEY).to(ApiHandler.class).in(Scopes.SINGLETON);
    SnsHandlers.bind(binder(), STOCK_ARRIVALS_KEY).to(StockArrivalHandler.class);
  }
}
