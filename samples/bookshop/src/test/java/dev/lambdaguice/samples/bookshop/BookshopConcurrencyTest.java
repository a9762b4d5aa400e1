package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sample under {@code AWS_LAMBDA_MAX_CONCURRENCY}: orders placed by concurrent invocations never sell a copy
 * twice or share an order id.
 */
@CaptureLogs
class BookshopConcurrencyTest {

  private static final String EFFECTIVE_JAVA = "9780134685991"; // 10 in stock

  @Test
  void concurrentOrdersSellEachCopyOnce(CapturedLogs logs) throws Exception {
    try (LocalLambda lambda = LocalLambda.builder().maxConcurrency(4).functionTimeout(Duration.ofSeconds(60))
        .start()) {
      lambda.inProcess().modules(BookshopModule.class).handler("api")
          .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
      String order = HttpApiEvent.of("POST", "/orders")
          .body("{\"customerId\": \"c-1\", \"lines\": [{\"isbn\": \"" + EFFECTIVE_JAVA + "\", \"quantity\": 1}]}")
          .json();
      List<CompletableFuture<InvokeResult>> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        calls.add(lambda.invokeAsync(order.getBytes(StandardCharsets.UTF_8), InvokeOptions.none()));
      }
      Set<String> orderIds = new HashSet<>();
      int soldOut = 0;
      for (CompletableFuture<InvokeResult> call : calls) {
        InvokeResult result = call.get(120, TimeUnit.SECONDS);
        assertFalse(result.error(), result.toString());
        JsonObject response = JsonParser.parseString(result.bodyAsString()).getAsJsonObject();
        int status = response.get("statusCode").getAsInt();
        if (status == 201) {
          orderIds.add(response.getAsJsonObject("headers").get("location").getAsString());
        } else {
          assertEquals(409, status, response.toString());
          soldOut++;
        }
      }
      assertEquals(10, orderIds.size(), "ten copies, ten distinct orders: " + orderIds);
      assertEquals(20, soldOut);
    }
  }
}
