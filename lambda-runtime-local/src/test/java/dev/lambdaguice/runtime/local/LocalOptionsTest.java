package dev.lambdaguice.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code --handler} and {@code _HANDLER} give the handler keys, one function each. */
class LocalOptionsTest {

  @Test
  void handlerIsRepeatableAndTakesCommaSeparatedLists() {
    assertEquals(List.of("api", "service-call", "echo"),
        handlers(Map.of(), "--handler", "api,service-call", "--handler", "echo"));
    assertEquals(List.of("api", "echo", "sqs"), handlers(Map.of(), "--handler= api , echo", "--handler", "sqs"));
    assertEquals(List.of("echo"), handlers(Map.of(), "--handler", "echo"));
  }

  @Test
  void underscoreHandlerIsTheFallbackForOneKey() {
    assertEquals(List.of("from-env"), handlers(Map.of("_HANDLER", "from-env")));
    assertEquals(List.of("a,b"), handlers(Map.of("_HANDLER", "a,b")), "one key, passed on as it is, as before");
    assertEquals(List.of(), handlers(Map.of("_HANDLER", "  ")));
    assertEquals(List.of(), handlers(Map.of()));
    assertEquals(List.of("api", "echo"), handlers(Map.of("_HANDLER", "from-env"), "--handler", "api,echo"));
  }

  @Test
  void aDuplicateKeyIsAnErrorNamingIt() {
    assertMessage("duplicate handler key: api", "--handler", "api,echo", "--handler", "api");
    assertMessage("duplicate handler key: echo", "--handler", "echo, echo");
  }

  @Test
  void anEmptyKeyIsAnError() {
    assertMessage("--handler has an empty key: api,,echo", "--handler", "api,,echo");
    assertMessage("--handler has an empty key: echo,", "--handler", "echo,");
    assertMessage("--handler has an empty key: ", "--handler=");
  }

  @Test
  void withSeveralKeysEachMustFitInAUrlAndFunctionMustComeFirst() {
    assertMessage("handler key a/b cannot be a function name", "--handler", "api,a/b");
    assertMessage("handler key a b cannot be a function name", "--handler", "api", "--handler", "a b");
    assertMessage("handler key .. cannot be a function name", "--handler", "api,..");
    assertMessage("handler key function must be the first key", "--handler", "api,function");
    assertEquals(List.of("function", "api"), handlers(Map.of(), "--handler", "function,api"));
    assertEquals(List.of("a/b c"), handlers(Map.of(), "--handler", "a/b c"), "one key is not in the URL");
  }

  @Test
  void functionNameIsForOneKeyOnly() {
    assertEquals("orders", LocalOptions.parse(
        List.of("--modules", "m", "--handler", "echo", "--function-name", "orders"), Map.of()).functionName());
    assertMessage("--function-name needs a single handler key", "--handler", "api,echo", "--function-name", "x");
  }

  @Test
  void usageDescribesSeveralKeys() {
    assertTrue(LocalOptions.USAGE.contains("--handler <key,...>"), LocalOptions.USAGE);
    assertTrue(LocalOptions.USAGE.contains("/2015-03-31/functions/echo/invocations"), LocalOptions.USAGE);
  }

  private static List<String> handlers(Map<String, String> environment, String... args) {
    List<String> all = new ArrayList<>(List.of("--modules", "m"));
    all.addAll(List.of(args));
    return LocalOptions.parse(all, environment).handlers();
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> handlers(Map.of(), args));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
