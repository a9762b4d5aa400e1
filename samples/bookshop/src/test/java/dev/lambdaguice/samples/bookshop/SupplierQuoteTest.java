package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample's outbound call: {@code suppliers.quote} asks a supplier API (here MockWebServer) over HTTP. */
@LambdaTest(modules = {BookshopModule.class, StubSupplierModule.class}, timeoutSeconds = 3)
class SupplierQuoteTest {

  private static final String EFFECTIVE_JAVA = "9780134685991";
  private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";

  private final MockWebServer supplier = new MockWebServer();

  @BeforeEach
  void start(LambdaClient lambda) throws Exception {
    supplier.start();
    StubSupplierModule.url = supplier.url("/v1/");
    lambda.restart(); // a fresh function, made with this test's supplier URL
  }

  @AfterEach
  void stop() {
    supplier.close();
  }

  private static String quoteCall(String isbn) {
    return "{\"serviceName\": \"suppliers\", \"function\": \"quote\", \"args\": [\"" + isbn + "\"]}";
  }

  @Test
  void aQuoteComesFromTheSupplierWithTheInvocationsTraceHeader(LambdaClient lambda) throws Exception {
    supplier.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"isbn\":\"" + EFFECTIVE_JAVA + "\",\"priceCents\":2650,\"availableInDays\":3}").build());
    Invocation result = lambda.invoke("service-call", quoteCall(EFFECTIVE_JAVA), InvokeOptions.none().withTraceId(TRACE));
    assertEquals(new SupplierQuote(EFFECTIVE_JAVA, 2650, 3), result.assertSuccess().bodyAs(SupplierQuote.class));
    RecordedRequest request = supplier.takeRequest(10, TimeUnit.SECONDS);
    assertEquals("/v1/quotes/" + EFFECTIVE_JAVA, request.getUrl().encodedPath());
    assertEquals(TRACE, request.getHeaders().get("X-Amzn-Trace-Id"));
  }

  @Test
  void aSupplierTooSlowForTheDeadlineIsAClearErrorNotATimeout(LambdaClient lambda) {
    supplier.enqueue(new MockResponse.Builder().body("{}").headersDelay(30, TimeUnit.SECONDS).build());
    Invocation result = lambda.invoke("service-call", quoteCall(EFFECTIVE_JAVA));
    assertTrue(result.error(), result.body());
    assertTrue(result.body().contains("DeadlineExceededException"), result.body());
    assertTrue(result.errorMessage().contains("/v1/quotes/" + EFFECTIVE_JAVA), result.errorMessage());
  }

  @Test
  void aSupplierErrorIsTheSuppliersError(LambdaClient lambda) {
    supplier.enqueue(new MockResponse.Builder().code(503).build());
    Invocation result = lambda.invoke("service-call", quoteCall(EFFECTIVE_JAVA));
    assertTrue(result.body().contains("SupplierUnavailableException"), result.body());
    assertEquals("The supplier answered 503 for " + EFFECTIVE_JAVA, result.errorMessage());
  }

  @Test
  void aBookTheShopDoesNotSellIsNotAskedFor(LambdaClient lambda) {
    Invocation result = lambda.invoke("service-call", quoteCall("9999999999999"));
    assertTrue(result.body().contains("BookNotFoundException"), result.body());
    assertEquals(0, supplier.getRequestCount());
  }
}
