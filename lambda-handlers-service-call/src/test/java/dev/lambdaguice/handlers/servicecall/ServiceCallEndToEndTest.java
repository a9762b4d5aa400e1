package dev.lambdaguice.handlers.servicecall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service-call function, served by the real runtime in-process over real HTTP from lambda-runtime-local. A
 * function whose init fails is {@link ServiceCallInitErrorTest}.
 */
@LambdaTest(modules = TestServicesModule.class)
class ServiceCallEndToEndTest {

  private static final String PACKAGE = "dev.lambdaguice.handlers.servicecall.";
  private static final String KEY = ServiceCallModule.KEY;

  static String event(String service, String function, String args) {
    return "{\"serviceName\": \"" + service + "\", \"function\": \"" + function + "\", \"args\": " + args + "}";
  }

  private static Invocation ok(LambdaClient lambda, String event) {
    Invocation result = lambda.invoke(KEY, event);
    assertFalse(result.error(), result.body());
    assertEquals(1, answers(lambda, result.requestId()));
    return result;
  }

  private static long answers(LambdaClient lambda, String requestId) {
    return lambda.lambda(KEY).requests().stream()
        .filter(r -> r.endpoint() == Endpoint.RESPONSE || r.endpoint() == Endpoint.ERROR)
        .filter(r -> requestId.equals(r.requestId()))
        .count();
  }

  @Test
  void aRecordInARecordOut(LambdaClient lambda) {
    String order = "{\"id\": \"o-1\", \"priority\": \"HIGH\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2}]}";
    assertEquals("{\"orderId\":\"o-1\",\"items\":2}", ok(lambda, event("orders", "place", "[" + order + "]")).body());
  }

  @Test
  void collectionsInAndOut(LambdaClient lambda) {
    String lines = "[{\"sku\": \"a\", \"quantity\": 2}, {\"sku\": \"b\", \"quantity\": 1}]";
    assertEquals("{\"a\":{\"sku\":\"a\",\"quantity\":2},\"b\":{\"sku\":\"b\",\"quantity\":1}}",
        ok(lambda, event("orders", "bySku", "[" + lines + "]")).body());
    assertEquals("[\"created\",\"placed\"]", ok(lambda, event("orders", "audit", "[\"o-1\"]")).body());
    assertEquals("\"HIGH\"", ok(lambda, event(OrderService.class.getName(), "escalate", "[\"LOW\"]")).body());
  }

  @Test
  void voidAnswersNull(LambdaClient lambda) {
    assertEquals("null", ok(lambda, event("orders", "cancel", "[\"o-1\"]")).body());
    assertEquals("null",
        ok(lambda, "{\"serviceName\": \"calc\", \"function\": \"boxed\", \"args\": [null]}").body());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[\"not\", \"a call\"]                                                   | InvalidServiceCallException",
      "{\"serviceName\": \"java.lang.Runtime\", \"function\": \"exit\", \"args\": [0]} | UnknownServiceException",
      "{\"serviceName\": \"calc\", \"function\": \"getClass\"}                 | UnknownFunctionException",
      "{\"serviceName\": \"calc\", \"function\": \"square\", \"args\": [1, 2]} | ArgumentCountException",
      "{\"serviceName\": \"calc\", \"function\": \"square\", \"args\": [null]} | ArgumentTypeException",
      "{\"serviceName\": \"calc\", \"function\": \"describe\", \"args\": [1]}  | AmbiguousCallException"})
  void eachServiceCallErrorHasItsOwnType(String event, String type, LambdaClient lambda) {
    Invocation result = lambda.invoke(KEY, event);
    assertTrue(result.error());
    assertEquals("Runtime.UserException", result.errorType());
    assertTrue(result.body().contains("\"errorType\":\"" + PACKAGE + type + "\""), result.body());
    assertFalse(result.errorMessage().isBlank());
    assertTrue(result.logged("SEVERE") || result.logged("ERROR"), "logged as an error: " + result.logs());
    assertTrue(result.logged("Handler '" + KEY + "' threw") && result.logged(PACKAGE + type), result.logs().toString());
    assertEquals(1, answers(lambda, result.requestId()));
    assertEquals("3", ok(lambda, event("calc", "add", "[1, 2]")).body(), "the runtime goes on");
  }

  @Test
  void theMethodsOwnExceptionIsReportedAsItself(LambdaClient lambda) {
    Invocation checked = lambda.invoke(KEY, event("orders", "reject", "[\"too big\"]"));
    assertEquals("Runtime.UserException", checked.errorType());
    assertTrue(checked.body().contains("\"errorType\":\"" + PACKAGE + "OrderRejectedException\""));
    assertEquals("rejected by policy", checked.errorMessage());
    assertTrue(checked.logged(PACKAGE + "OrderRejectedException: rejected by policy"), checked.logs().toString());
    Invocation unchecked = lambda.invoke(KEY, event("orders", "fail", "[\"why\"]"));
    assertTrue(unchecked.body().contains("\"errorType\":\"java.lang.IllegalStateException\""));
    assertEquals("the order store is down", unchecked.errorMessage());
    assertFalse(unchecked.body().contains("InvocationTargetException"));
    assertFalse(unchecked.body().contains("UndeclaredThrowableException"));
    assertEquals("null", ok(lambda, event("orders", "cancel", "[\"o-1\"]")).body(), "the runtime goes on");
  }

  @Test
  void anEventThatIsNotJsonNeverReachesTheHandler(LambdaClient lambda) {
    Invocation result = lambda.invoke(KEY, "{\"serviceName\": ");
    assertEquals("Runtime.InvalidEvent", result.errorType());
    assertTrue(result.logged("Event does not fit the event type"), result.logs().toString());
    assertEquals(1, answers(lambda, result.requestId()));
    assertEquals("-2", ok(lambda, event("calc", "negate", "[2]")).body());
  }

  @Test
  void manyErrorsInARowEachGetOneAnswer(LambdaClient lambda) {
    List<Invocation> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      results.add(lambda.invoke(KEY, event("calc", i % 2 == 0 ? "wait" : "square", "[\"x" + i + "\"]")));
    }
    for (Invocation result : results) {
      assertTrue(result.error());
      assertEquals(1, answers(lambda, result.requestId()));
    }
    assertFalse(lambda.exitCode(KEY).isDone(), "the runtime still serves");
  }
}
