package dev.lambdaguice.test.readme;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import jakarta.inject.Inject;
import java.util.List;

/** Key {@code audited}: saves each order id of the event and answers the invocation's audit summary. */
public final class AuditModule extends AbstractModule {

  @Override
  protected void configure() {
    LambdaHandlers.bind(binder(), "audited").to(AuditedHandler.class);
  }

  static final class AuditedHandler implements LambdaHandler<List<String>, String> {
    private final OrderRepository orders;
    private final Provider<AuditTrail> audit;

    @Inject
    AuditedHandler(OrderRepository orders, Provider<AuditTrail> audit) {
      this.orders = orders;
      this.audit = audit;
    }

    @Override
    public String handle(List<String> orderIds, LambdaContext context) {
      orderIds.forEach(orders::save);
      return audit.get().summary();
    }
  }
}
