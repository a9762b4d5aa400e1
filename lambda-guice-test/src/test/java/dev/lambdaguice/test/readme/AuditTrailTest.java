package dev.lambdaguice.test.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's {@code @InvocationScoped} example, through the real runtime: one trail per invocation. */
@LambdaTest(modules = AuditModule.class)
class AuditTrailTest {

  @Test
  void eachInvocationHasItsOwnTrail(LambdaClient lambda) {
    Invocation first = lambda.invoke("audited", List.of("o-1", "o-2"));
    Invocation second = lambda.invoke("audited", List.of("o-3"));
    assertEquals(first.requestId() + " (tenant null): saved o-1, saved o-2",
        first.assertSuccess().bodyAs(String.class));
    assertEquals(second.requestId() + " (tenant null): saved o-3", second.assertSuccess().bodyAs(String.class));
  }
}
