package dev.lambdaguice.test.readme;

import dev.lambdaguice.runtime.guice.InvocationScoped;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

@InvocationScoped
public final class AuditTrail {
  private final String requestId;
  private final String tenantId;
  private final List<String> actions = new ArrayList<>(); // one trail per invocation: no other thread sees it

  @Inject
  AuditTrail(LambdaContext context) {
    this.requestId = context.requestId();
    this.tenantId = context.tenantId();
  }

  public void record(String action) {
    actions.add(action);
  }

  public String summary() {
    return requestId + " (tenant " + tenantId + "): " + String.join(", ", actions);
  }
}
