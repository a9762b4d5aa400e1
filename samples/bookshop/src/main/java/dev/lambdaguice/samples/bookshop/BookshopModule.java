package dev.lambdaguice.samples.bookshop;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.lambdaguice.handlers.echo.EchoHandlerModule;
import dev.lambdaguice.handlers.http.HttpHandlers;
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
 * {@code sqs-service-call}, {@value #STOCK_ARRIVALS_KEY} (SNS), {@value #STOCK_EXPORT_KEY} (a streamed response)
 * and {@code echo}. The supplier API's URL comes
 * from {@code SUPPLIER_API_URL} unless a module sets {@link SupplierApi} with {@code OptionalBinder}.
 */
public final class BookshopModule extends AbstractModule {

  /**
   * The key of the HTTP API (lambda-handlers-http): {@code GET /books}, {@code GET /books/{isbn}},
   * {@code POST /orders}, {@code GET /orders/{id}}.
   */
  public static final String API_KEY = "api";
  /** The key of {@link StockArrivalHandler}, the supplier's delivery notifications (SNS). */
  public static final String STOCK_ARRIVALS_KEY = "stock-arrivals";
  /** The key of {@link StockExport}, the stock as JSON lines streamed to a function URL. */
  public static final String STOCK_EXPORT_KEY = "stock-export";

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

    HttpHandlers.route(binder(), API_KEY, "GET /books").to(SearchBooks.class);
    HttpHandlers.route(binder(), API_KEY, "GET /books/{isbn}").to(GetBook.class);
    HttpHandlers.route(binder(), API_KEY, "POST /orders").to(PlaceOrder.class);
    HttpHandlers.route(binder(), API_KEY, "GET /orders/{id}").to(GetOrder.class);
    HttpHandlers.errors(binder(), API_KEY)
        .map(BookNotFoundException.class, 404)
        .map(OrderNotFoundException.class, 404)
        .map(OutOfStockException.class, 409);
    SnsHandlers.bind(binder(), STOCK_ARRIVALS_KEY).to(StockArrivalHandler.class);
    LambdaHandlers.bindStreaming(binder(), STOCK_EXPORT_KEY).to(StockExport.class);
  }
}
