package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.InProcessRuntime;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RuntimeError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service-call function, served by the real runtime in-process over real HTTP from lambda-runtime-local. */
class ServiceCallEndToEndTest {

  private static final String PACKAGE = "dev.lambdaguice.handlers.servicecall.";

  private static LocalLambda lambda;
  private static InProcessRuntime runtime;

  @BeforeAll
  static void start() throws Exception {
    lambda = LocalLambda.start();
    runtime = lambda.inProcess().modules(TestServicesModule.class).handler(ServiceCallModule.KEY).start();
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  static String event(String service, String function, String args) {
    return "{\"serviceName\": \"" + service + "\", \"function\": \"" + function + "\", \"args\": " + args + "}";
  }

  private static InvokeResult ok(String event) throws Exception {
    InvokeResult result = lambda.invoke(event);
    assertFalse(result.error(), result.bodyAsString());
    assertEquals(1, answers(result.requestId()));
    return result;
  }

  private static long answers(String requestId) {
    return lambda.requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }

  @Test
  void aRecordInARecordOut() throws Exception {
    String order = "{\"id\": \"o-1\", \"priority\": \"HIGH\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}";
    assertEquals("{\"orderId\":\"o-1\",\"items\":2}", ok(event("orders", "place", "[" + order + "]")).bodyAsString());
  }

  @Test
  void collectionsInAndOut() throws Exception {
    String lines = "[{\"sku\": \"a\", \"quantity\": 2}, {\"sku\": \"b\", \"quantity\": 1}]";
    assertEquals("{\"a\":{\"sku\":\"a\",\"quantity\":2},\"b\":{\"sku\":\"b\",\"quantity\":1}}",
        ok(event("orders", "bySku", "[" + lines + "]")).bodyAsString());
    assertEquals("[\"created\",\"placed\"]", ok(event("orders", "audit", "[\"o-1\"]")).bodyAsString());
    assertEquals("\"HIGH\"", ok(event(OrderService.class.getName(), "escalate", "[\"LOW\"]")).bodyAsString());
  }

  @Test
  void voidAnswersNull() throws Exception {
    assertEquals("null", ok(event("orders", "cancel", "[\"o-1\"]")).bodyAsString());
    assertEquals("null", ok("{\"serviceName\": \"calc\", \"function\": \"boxed\", \"args\": [null]}").bodyAsString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[\"not\", \"a call\"]                                                   | InvalidServiceCallException",
      "{\"serviceName\": \"java.lang.Runtime\", \"function\": \"exit\", \"args\": [0]} | UnknownServiceException",
      "{\"serviceName\": \"calc\", \"function\": \"getClass\"}                 | UnknownFunctionException",
      "{\"serviceName\": \"calc\", \"function\": \"square\", \"args\": [1, 2]} | ArgumentCountException",
      "{\"serviceName\": \"calc\", \"function\": \"square\", \"args\": [null]} | ArgumentTypeException",
      "{\"serviceName\": \"calc\", \"function\": \"describe\", \"args\": [1]}  | AmbiguousCallException"})
  void eachServiceCallErrorHasItsOwnType(String event, String type) throws Exception {
    InvokeResult result = lambda.invoke(event);
    assertTrue(result.error());
    assertEquals("Runtime.UserException", result.errorType());
    assertTrue(result.bodyAsString().contains("\"errorType\":\"" + PACKAGE + type + "\""), result.bodyAsString());
    assertFalse(result.errorMessage().isBlank());
    assertEquals(1, answers(result.requestId()));
    assertEquals("3", ok(event("calc", "add", "[1, 2]")).bodyAsString(), "the runtime goes on");
  }

  @Test
  void theMethodsOwnExceptionIsReportedAsItself() throws Exception {
    InvokeResult checked = lambda.invoke(event("orders", "reject", "[\"too big\"]"));
    assertEquals("Runtime.UserException", checked.errorType());
    assertTrue(checked.bodyAsString().contains("\"errorType\":\"" + PACKAGE + "OrderRejectedException\""));
    assertEquals("rejected by policy", checked.errorMessage());
    InvokeResult unchecked = lambda.invoke(event("orders", "fail", "[\"why\"]"));
    assertTrue(unchecked.bodyAsString().contains("\"errorType\":\"java.lang.IllegalStateException\""));
    assertEquals("the order store is down", unchecked.errorMessage());
    assertFalse(unchecked.bodyAsString().contains("InvocationTargetException"));
    assertFalse(unchecked.bodyAsString().contains("UndeclaredThrowableException"));
    assertEquals("null", ok(event("orders", "cancel", "[\"o-1\"]")).bodyAsString(), "the runtime goes on");
  }

  @Test
  void anEventThatIsNotJsonNeverReachesTheHandler() throws Exception {
    InvokeResult result = lambda.invoke("{\"serviceName\": ");
    assertEquals("Runtime.InvalidEvent", result.errorType());
    assertEquals(1, answers(result.requestId()));
    assertEquals("-2", ok(event("calc", "negate", "[2]")).bodyAsString());
  }

  @Test
  void manyErrorsInARowEachGetOneAnswer() throws Exception {
    List<InvokeResult> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      results.add(lambda.invoke(event("calc", i % 2 == 0 ? "wait" : "square", "[\"x" + i + "\"]")));
    }
    for (InvokeResult result : results) {
      assertTrue(result.error());
      assertEquals(1, answers(result.requestId()));
    }
    assertTrue(runtime.isAlive());
  }

  @Test
  void conflictingNamesFailInit() throws Exception {
    try (LocalLambda conflicting = LocalLambda.start()) {
      InProcessRuntime failing = conflicting.inProcess().modules(ConflictingModule.class)
          .handler(ServiceCallModule.KEY).start();
      assertEquals(1, failing.exitCode().get(60, TimeUnit.SECONDS));
      RuntimeError error = conflicting.initError().orElseThrow();
      assertEquals("Runtime.InjectorCreationFailed", error.errorType());
      assertTrue(error.errorMessage().contains("The service name 'svc' is claimed by two exposed services"),
          error.errorMessage());
      assertTrue(conflicting.awaitRequest(r -> r.endpoint() == Endpoint.INIT_ERROR, Duration.ofSeconds(1))
          .isPresent());
    }
  }
}
