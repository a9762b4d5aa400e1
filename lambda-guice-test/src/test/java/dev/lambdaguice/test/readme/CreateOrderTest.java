package dev.lambdaguice.test.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@LambdaTest(modules = OrdersModule.class)
class CreateOrderTest {

  @Test
  void createsAnOrder(LambdaClient lambda) {
    Invocation result = lambda.invoke("create-order", new CreateOrder("c1", List.of("book")));
    OrderCreated created = result.assertSuccess().bodyAs(OrderCreated.class);
    assertTrue(created.orderId().startsWith("o-"), created.orderId());
  }

  @Test
  void refusesAnOrderWithoutItems(LambdaClient lambda) {
    Invocation result = lambda.invoke("create-order", "{\"customerId\":\"c1\",\"items\":[]}");
    result.assertError("Runtime.UserException");
    assertTrue(result.errorMessage().contains("an order needs at least one item"), result.errorMessage());
    assertTrue(result.logged("an order needs at least one item"), "the runtime logged it: " + result.logs());
  }
}
