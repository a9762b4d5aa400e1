package dev.lambdaguice.handlers.servicecall;

import static dev.lambdaguice.handlers.servicecall.Fixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.inject.Injector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceDispatcherTest {

  private static final String CALCULATOR = Calculator.class.getName();
  private static final String LINE_A = "{\"sku\": \"a\", \"quantity\": 2}";
  private static final String LINE_B = "{\"sku\": \"b\", \"quantity\": 3}";

  private final Injector injector = Fixtures.injector(new TestServicesModule());
  private final ServiceDispatcher dispatcher = injector.getInstance(ServiceDispatcher.class);
  private final Invocations invocations = injector.getInstance(Invocations.class);

  private Object dispatch(String service, String function, String... args) throws Exception {
    return dispatcher.dispatch(call(service, function, args));
  }

  private <T extends Exception> String failure(Class<T> type, String service, String function, String... args) {
    return assertThrows(type, () -> dispatch(service, function, args)).getMessage();
  }

  @Test
  void takesAndReturnsRecords() throws Exception {
    Object receipt = dispatch("orders", "place",
        "{\"id\": \"o-1\", \"priority\": \"HIGH\", \"lines\": [" + LINE_A + ", " + LINE_B + "]}");
    assertEquals(new Receipt("o-1", 5), receipt);
    assertEquals(List.of("OrderService.place"), invocations.list());
  }

  @Test
  void readsArgumentsAsTheirGenericTypes() throws Exception {
    Map<String, Line> expected = new LinkedHashMap<>();
    expected.put("a", new Line("a", 2));
    expected.put("b", new Line("b", 3));
    assertEquals(expected, dispatch("orders", "bySku", "[" + LINE_A + ", " + LINE_B + "]"));
    assertEquals(5, dispatch("orders", "total", "{\"x\": " + LINE_A + ", \"y\": " + LINE_B + "}"));
    assertEquals(Priority.HIGH, dispatch("orders", "escalate", "\"LOW\""));
    assertEquals(List.of(new Line("a", 1), new Line("b", 2)),
        dispatch("calc", "add", "[{\"sku\": \"a\", \"quantity\": 1}]", "[{\"sku\": \"b\", \"quantity\": 2}]"));
  }

  @Test
  void readsPrimitivesBoxedValuesAndNulls() throws Exception {
    assertEquals(9L, dispatch("calc", "square", "3"));
    assertEquals(false, dispatch("calc", "not", "true"));
    assertEquals('x', dispatch("calc", "first", "\"x\""));
    assertEquals(4, dispatch("calc", "boxed", "4"));
    assertNull(dispatch("calc", "boxed", "null"));
    assertNull(dispatch("orders", "escalate", "null"));
    assertEquals("null", dispatch("calc", "typeOf", "null"));
    assertEquals("com.google.gson.internal.LinkedTreeMap", dispatch("calc", "typeOf", "{\"a\": 1}"));
    assertEquals(JsonParser.parseString("{\"a\": [1, null]}"), dispatch("calc", "tree", "{\"a\": [1, null]}"));
  }

  @Test
  void nullForAPrimitiveIsAnArgumentTypeError() {
    String message = failure(ArgumentTypeException.class, "calc", "square", "null");
    assertEquals("args[0] of " + CALCULATOR + ".square(long) is null, but the parameter is a primitive long", message);
    assertEquals(List.of(), invocations.list());
  }

  @Test
  void anArgumentThatDoesNotFitNamesItsIndexAndTypeButNotItsValue() {
    String message =
        failure(ArgumentTypeException.class, "orders", "place", "{\"id\": \"o-1\", \"lines\": \"hunter2\"}");
    assertTrue(message.startsWith("args[0] of " + OrderService.class.getName() + ".place(" + Order.class.getName()
        + ") cannot be read as " + Order.class.getName() + " from a JSON object"), message);
    String number = failure(ArgumentTypeException.class, "calc", "square", "\"hunter2\"");
    assertTrue(number.contains("args[0]") && number.contains("as long from a JSON string"), number);
    assertFalse(message.contains("hunter2") || number.contains("hunter2"));
    assertEquals(List.of(), invocations.list());
  }

  @Test
  void voidGivesNull() throws Exception {
    assertNull(dispatch(OrderService.class.getName(), "cancel", "\"o-1\""));
    assertEquals(List.of("OrderService.cancel"), invocations.list());
  }

  @Test
  void overloadsAreResolvedByArgumentCountThenJsonKind() throws Exception {
    assertEquals(3, dispatch("calc", "add", "1", "2"));
    assertEquals("ab", dispatch("calc", "add", "\"a\"", "\"b\""));
    assertEquals(6, dispatch("calc", "add", "1", "2", "3"));
    assertEquals("string", dispatch("calc", "describe", "\"x\""));
    assertEquals("string", dispatch("calc", "describe", "null"), "null fits only the reference type");
  }

  @Test
  void overloadsThatNoneFitNameTheKindsAndTheCandidates() {
    String message = failure(ArgumentTypeException.class, "calc", "add", "1", "\"hunter2\"");
    assertEquals("No overload of " + CALCULATOR + ".add with 2 parameters takes arguments of the JSON kinds"
        + " (number, string); the overloads are " + CALCULATOR + ".add(int, int), " + CALCULATOR + ".add("
        + "java.lang.String, java.lang.String), " + CALCULATOR + ".add(java.util.List<" + Line.class.getName()
        + ">, java.util.List<" + Line.class.getName() + ">)", message);
  }

  @Test
  void aCallThatFitsSeveralOverloadsIsAmbiguous() {
    String message = failure(AmbiguousCallException.class, "calc", "describe", "7");
    assertTrue(message.startsWith("The call of " + CALCULATOR + ".describe with arguments of the JSON kinds (number)"
        + " fits 2 overloads: " + CALCULATOR + ".describe(int), " + CALCULATOR + ".describe(long)."), message);
    assertEquals(List.of(), invocations.list());
  }

  @Test
  void theWrongNumberOfArgumentsNamesTheAritiesThatExist() {
    assertEquals(CALCULATOR + ".add takes 2 or 3 arguments, not 1: " + CALCULATOR + ".add(int, int), " + CALCULATOR
        + ".add(int, int, int), " + CALCULATOR + ".add(java.lang.String, java.lang.String), " + CALCULATOR
        + ".add(java.util.List<" + Line.class.getName() + ">, java.util.List<" + Line.class.getName() + ">)",
        failure(ArgumentCountException.class, "calc", "add", "1"));
    assertTrue(failure(ArgumentCountException.class, "calc", "square").contains(".square takes 1 arguments, not 0"));
  }

  @Test
  void anUnknownFunctionListsTheCallableOnes() {
    String message = failure(UnknownFunctionException.class, "calc", "exit", "0");
    assertEquals("Service " + CALCULATOR + " has no callable function 'exit'; its functions are add, boxed, describe,"
        + " first, negate, not, square, transform, tree, typeOf. Callable are its public instance methods, not those"
        + " of java.lang.Object", message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"getClass", "hashCode", "toString", "equals", "wait", "notify", "notifyAll", "clone",
      "finalize", "twice", "reset", "internal", "<init>", "<clinit>"})
  void objectStaticAndNonPublicMethodsAreNotCallable(String function) {
    for (String service : List.of("calc", "orders")) {
      for (int arity = 0; arity <= 3; arity++) {
        String[] args = new String[arity];
        java.util.Arrays.fill(args, "1");
        assertThrows(UnknownFunctionException.class, () -> dispatch(service, function, args));
      }
    }
    assertEquals(List.of(), invocations.list());
    assertEquals(List.of(), Tripwires.tripped());
  }

  @Test
  void theCallableMethodsAreExactlyThePublicInstanceOnes() {
    String c = CALCULATOR + ".";
    String line = "java.util.List<" + Line.class.getName() + ">";
    assertEquals(List.of(c + "add(int, int)", c + "add(int, int, int)", c + "add(java.lang.String, java.lang.String)",
        c + "add(" + line + ", " + line + ")", c + "boxed(java.lang.Integer)", c + "describe(int)",
        c + "describe(java.lang.String)", c + "describe(long)", c + "first(char)", c + "negate(int)",
        c + "not(boolean)",
        c + "square(long)", c + "transform(java.lang.String)", c + "tree(com.google.gson.JsonElement)",
        c + "typeOf(java.lang.Object)"), dispatcher.service("calc").signatures(), "no bridge transform(Object)");
    String o = OrderService.class.getName() + ".";
    assertEquals(List.of(o + "audit(java.lang.String)", o + "bySku(java.util.List<" + Line.class.getName() + ">)",
        o + "cancel(java.lang.String)", o + "describe(" + Order.class.getName() + ")", o + "escalate("
        + Priority.class.getName() + ")", o + "fail(java.lang.String)", o + "place(" + Order.class.getName() + ")",
        o + "reject(java.lang.String)", o + "total(java.util.Map<java.lang.String, " + Line.class.getName() + ">)"),
        dispatcher.service("orders").signatures(), "only the interface's methods, not equals, not static none()");
  }

  @Test
  void inheritedMethodsAreCallable() throws Exception {
    assertEquals(-4, dispatch("calc", "negate", "4"));
    assertEquals("X", dispatch("calc", "transform", "\"x\""));
    assertEquals(List.of("created", "placed"), dispatch("orders", "audit", "\"o-1\""));
    assertEquals("order o-1 with 0 lines", dispatch("orders", "describe", "{\"id\": \"o-1\", \"lines\": []}"));
    assertEquals(List.of("Calculator.negate", "Calculator.transform", "OrderService.audit", "OrderService.describe"),
        invocations.list());
  }

  @Test
  void anImplementationsExtraMethodIsNotCallableThroughItsInterface() {
    assertThrows(UnknownFunctionException.class, () -> dispatch("orders", "secretAdmin"));
    assertThrows(UnknownServiceException.class, () -> dispatch(DefaultOrderService.class.getName(), "secretAdmin"));
    assertEquals(List.of(), invocations.list());
  }

  @Test
  void servicesAreReachedByTypeNameOrAliasOnly() throws Exception {
    assertEquals(3, dispatch(CALCULATOR, "add", "1", "2"));
    assertEquals(3, dispatch("calc", "add", "1", "2"));
    for (String name : List.of("Calc", "calc ", "Calculator", "java.lang.Runtime", "java.lang.ProcessBuilder",
        "java.lang.System", "dev.lambdaguice.handlers.servicecall.Tripwire", "")) {
      String message = failure(UnknownServiceException.class, name, "exec", "\"ls\"");
      assertEquals("No service named '" + name + "' is exposed; exposed are: calc, counter, " + CALCULATOR + ", "
          + Counter.class.getName() + ", " + FreshCounter.class.getName() + ", " + Invocations.class.getName() + ", "
          + OrderService.class.getName() + ", orders. The application exposes services with ServiceCalls.expose",
          message);
    }
    assertEquals(List.of(), Tripwires.tripped());
  }

  @Test
  void aHostileNameIsCutAndStrippedOfControlCharactersInTheMessage() {
    String message = failure(UnknownServiceException.class, "a\nb" + "x".repeat(500), "f");
    assertTrue(message.startsWith("No service named 'a?b" + "x".repeat(Messages.MAX_QUOTED - 3) + "...' is exposed"),
        message);
  }

  @Test
  void theMethodsOwnExceptionsArriveUnwrapped() {
    OrderRejectedException rejected = assertThrows(OrderRejectedException.class,
        () -> dispatch("orders", "reject", "\"too big\""));
    assertEquals("rejected by policy", rejected.getMessage());
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> dispatch("orders", "fail", "\"why\""));
    assertEquals("the order store is down", failed.getMessage());
  }

  @Test
  void instancesComeFromTheInjectorSoScopesApply() throws Exception {
    assertEquals(1, dispatch("counter", "increment"));
    assertEquals(2, dispatch(Counter.class.getName(), "increment"));
    assertEquals(1, dispatch(FreshCounter.class.getName(), "increment"));
    assertEquals(1, dispatch(FreshCounter.class.getName(), "increment"));
  }

  @Test
  void theDispatcherIsOnePerInjector() {
    assertTrue(dispatcher == injector.getInstance(ServiceDispatcher.class));
  }

  @Test
  void aResolutionIsBuiltOnceAndReused() throws Exception {
    ServiceIndex calculator = dispatcher.service("calc");
    assertEquals(0, calculator.resolutions());
    dispatch("calc", "add", "1", "2");
    Overloads first = calculator.resolve("add", 2);
    assertEquals(1, calculator.resolutions());
    dispatch("calc", "add", "\"a\"", "\"b\"");
    dispatch(CALCULATOR, "add", "3", "4");
    assertEquals(1, calculator.resolutions(), "add/2 again, through either name and any overload");
    assertTrue(first == calculator.resolve("add", 2));
    dispatch("calc", "add", "1", "2", "3");
    assertEquals(2, calculator.resolutions(), "add/3 is another resolution");
  }

  @Test
  void failedResolutionsAreNotCached() {
    ServiceIndex calculator = dispatcher.service("calc");
    for (int i = 0; i < 100; i++) {
      int n = i;
      assertThrows(UnknownFunctionException.class, () -> dispatch("calc", "f" + n));
      assertThrows(ArgumentCountException.class, () -> dispatch("calc", "square", "1", "2"));
    }
    assertEquals(0, calculator.resolutions());
  }

  @Test
  void concurrentCallsShareOneResolution() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String n = Integer.toString(i);
        results.add(pool.submit(() -> dispatch("calc", "add", n, "1")));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(i + 1, results.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, dispatcher.service("calc").resolutions());
  }

  @Test
  void aTypeTheGsonCannotReadFailsOnlyTheCallsThatNeedIt() throws Exception {
    ServiceDispatcher odd = Fixtures.injector(new OddTypesModule()).getInstance(ServiceDispatcher.class);
    String message = assertThrows(ArgumentTypeException.class,
        () -> odd.dispatch(call("odd", "seconds", "{\"seconds\": 5}"))).getMessage();
    assertTrue(message.startsWith("args[0] of " + OddTypesService.class.getName() + ".seconds(java.time.Duration)"
        + " cannot be read: the application's Gson has no usable adapter for java.time.Duration ("), message);
    assertEquals("still fine", odd.dispatch(call("odd", "echo", "\"still fine\"")));
  }

  @Test
  void aValueOfTheWrongTypeFromACustomAdapterIsAnArgumentTypeError() {
    ServiceDispatcher odd = Fixtures.injector(new OddTypesModule()).getInstance(ServiceDispatcher.class);
    String message = assertThrows(ArgumentTypeException.class, () -> odd.dispatch(call("odd", "number", "5")))
        .getMessage();
    assertEquals("args[0] of " + OddTypesService.class.getName() + ".number(java.lang.Integer) was read as"
        + " java.lang.String by the Gson adapter for java.lang.Integer, but the method takes java.lang.Integer",
        message);
  }

  @Test
  void argumentsAreReadByTheInjectorsGson() throws Exception {
    Injector custom = Fixtures.injector(new TestServicesModule(), new MoneyModule());
    ServiceDispatcher withMoney = custom.getInstance(ServiceDispatcher.class);
    assertEquals(new Money(1250, "EUR"), withMoney.dispatch(call("money", "parse", "\"12.50 EUR\"")));
    assertEquals("EUR", withMoney.dispatch(call("money", "currency", "\"3.00 EUR\"")));
  }
}
