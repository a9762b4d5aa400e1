package dev.lambdaguice.test.readme;

import com.google.inject.Provider;
import com.google.inject.Singleton;
import jakarta.inject.Inject;

@Singleton
public final class OrderRepository {
  private final Provider<AuditTrail> audit;

  @Inject
  OrderRepository(Provider<AuditTrail> audit) {
    this.audit = audit;
  }

  public void save(String orderId) {
    audit.get().record("saved " + orderId); // the trail of the invocation this thread serves
  }
}
