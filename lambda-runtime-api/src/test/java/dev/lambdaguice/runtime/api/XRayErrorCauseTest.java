package dev.lambdaguice.runtime.api;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XRayErrorCauseTest {

  static RuntimeException thrownAtDepth(int depth, String message, Throwable cause) {
    if (depth <= 1) {
      return new IllegalStateException(message, cause);
    }
    return thrownAtDepth(depth - 1, message, cause);
  }

  static JsonObject parse(String json) {
    assertNotNull(json);
    return JsonParser.parseString(json).getAsJsonObject();
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  static JsonObject exception(JsonObject cause, int i) {
    return cause.getAsJsonArray("exceptions").get(i).getAsJsonObject();
  }

  @Test
  void hasTheXRayCauseShape() {
    IllegalArgumentException t = new IllegalArgumentException("bad arg");

    JsonObject cause = parse(XRayErrorCause.of(t));

    assertEquals(System.getProperty("user.dir"), cause.get("working_directory").getAsString());
    assertTrue(cause.get("paths").isJsonArray());
    JsonArray exceptions = cause.getAsJsonArray("exceptions");
    assertEquals(1, exceptions.size());
    JsonObject first = exceptions.get(0).getAsJsonObject();
    assertEquals("java.lang.IllegalArgumentException", first.get("type").getAsString());
    assertEquals("bad arg", first.get("message").getAsString());
    JsonArray stack = first.getAsJsonArray("stack");
    assertEquals(Math.min(64, t.getStackTrace().length), stack.size());
    StackTraceElement top = t.getStackTrace()[0];
    JsonObject frame = stack.get(0).getAsJsonObject();
    assertEquals("XRayErrorCauseTest.java", frame.get("path").getAsString());
    assertEquals(top.getLineNumber(), frame.get("line").getAsInt());
    assertEquals(XRayErrorCauseTest.class.getName() + ".hasTheXRayCauseShape", frame.get("label").getAsString());
    for (JsonElement e : stack) {
      JsonObject f = e.getAsJsonObject();
      assertTrue(f.has("path") && f.has("line") && f.has("label"), f.toString());
      assertTrue(f.get("line").getAsJsonPrimitive().isNumber(), f.toString());
    }
  }

  @Test
  void pathsAreTheDistinctFileNamesOfTheFrames() {
    JsonObject cause = parse(XRayErrorCause.of(new RuntimeException("x", new IOException("y"))));

    List<String> paths = cause.getAsJsonArray("paths").asList().stream().map(JsonElement::getAsString).toList();
    assertEquals(new HashSet<>(paths).size(), paths.size(), "no duplicates: " + paths);
    assertTrue(paths.contains("XRayErrorCauseTest.java"), paths.toString());
    Set<String> framePaths = new HashSet<>();
    for (JsonElement e : cause.getAsJsonArray("exceptions")) {
      for (JsonElement f : e.getAsJsonObject().getAsJsonArray("stack")) {
        framePaths.add(f.getAsJsonObject().get("path").getAsString());
      }
    }
    assertEquals(framePaths, Set.copyOf(paths));
  }

  @Test
  void causesAreListedOutermostFirst() {
    IOException root = new IOException("root");
    RuntimeException top = new RuntimeException("top", root);

    JsonObject cause = parse(XRayErrorCause.of(top));

    assertEquals(2, cause.getAsJsonArray("exceptions").size());
    assertEquals("java.lang.RuntimeException", exception(cause, 0).get("type").getAsString());
    assertEquals("top", exception(cause, 0).get("message").getAsString());
    assertEquals("java.io.IOException", exception(cause, 1).get("type").getAsString());
    assertEquals("root", exception(cause, 1).get("message").getAsString());
  }

  @Test
  void frameWithoutFileNameHasEmptyPath() {
    RuntimeException t = new RuntimeException("native");
    t.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Native", "call", null, -2)});

    JsonObject frame = exception(parse(XRayErrorCause.of(t)), 0).getAsJsonArray("stack").get(0).getAsJsonObject();

    assertEquals("", frame.get("path").getAsString());
    assertEquals(-2, frame.get("line").getAsInt());
    assertEquals("com.example.Native.call", frame.get("label").getAsString());
  }

  @Test
  void hugeMessageDeepStackAndCauseChainStayUnderTheLimit() {
    String huge = "m".repeat(1_000_000);
    Throwable chain = thrownAtDepth(5000, huge, null);
    for (int i = 0; i < 12; i++) {
      chain = thrownAtDepth(5000, huge + i, chain);
    }
    assertTrue(chain.getStackTrace().length >= 1000, "test premise: a deep stack");

    String json = XRayErrorCause.of(chain);

    assertNotNull(json);
    assertTrue(utf8Length(json) <= XRayErrorCause.MAX_BYTES, "bytes: " + utf8Length(json));
    JsonObject cause = parse(json);
    JsonArray exceptions = cause.getAsJsonArray("exceptions");
    assertTrue(exceptions.size() >= 1 && exceptions.size() < 13, "exceptions: " + exceptions.size());
    String message = exception(cause, 0).get("message").getAsString();
    assertTrue(message.length() < 10_000, "message cut: " + message.length());
    assertTrue(message.startsWith("mmmm") && message.endsWith("..."), message.substring(message.length() - 10));
    assertFalse(exception(cause, 0).getAsJsonArray("stack").isEmpty(), "some frames are kept");
  }

  @Test
  void deepStackOfOneExceptionKeepsTheTopFrames() {
    RuntimeException deep = thrownAtDepth(5000, "deep", null);

    JsonObject cause = parse(XRayErrorCause.of(deep));

    JsonArray stack = exception(cause, 0).getAsJsonArray("stack");
    assertTrue(stack.size() > 0 && stack.size() <= 64, "frames: " + stack.size());
    assertEquals(XRayErrorCauseTest.class.getName() + ".thrownAtDepth",
        stack.get(0).getAsJsonObject().get("label").getAsString());
  }

  @Test
  void multiByteMessagesStayUnderTheByteLimit() {
    String snowmen = "☃".repeat(100_000); // 3 UTF-8 bytes each
    Throwable chain = thrownAtDepth(2000, snowmen, null);
    for (int i = 0; i < 10; i++) {
      chain = thrownAtDepth(2000, snowmen, chain);
    }

    String json = XRayErrorCause.of(chain);

    assertNotNull(json);
    assertTrue(utf8Length(json) <= XRayErrorCause.MAX_BYTES, "bytes: " + utf8Length(json));
    parse(json);
  }

  @Test
  void pathologicalMessagesGiveNullOrSomethingUnderTheLimit() {
    // every control character is escaped to six bytes: even without frames this may not fit
    String controls = "\u0001".repeat(100_000);
    Throwable chain = new RuntimeException(controls);
    for (int i = 0; i < 10; i++) {
      chain = new RuntimeException(controls, chain);
    }

    String json = XRayErrorCause.of(chain);

    assertTrue(json == null || utf8Length(json) <= XRayErrorCause.MAX_BYTES);
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    String message = "a".repeat(2047) + "\ud83d\ude00" + "tail"; // the emoji straddles the 2048-char cut

    String json = XRayErrorCause.of(new RuntimeException(message));

    String kept = exception(parse(json), 0).get("message").getAsString();
    assertEquals("a".repeat(2047) + "...", kept);
    assertEquals(json, new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
        "well-formed UTF-16, so it survives the UTF-8 round trip of an HTTP header");
  }

  @Test
  void unicodeAndQuotesInMessagesAreValidJson() {
    String message = "quote \" backslash \\ newline \n tab \t snowman ☃ emoji \ud83d\ude00 </script>";

    JsonObject cause = parse(XRayErrorCause.of(new RuntimeException(message)));

    assertEquals(message, exception(cause, 0).get("message").getAsString());
  }

  @Test
  void causeCycleListsEachExceptionOnce() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    JsonObject cause = parse(XRayErrorCause.of(a));

    assertEquals(2, cause.getAsJsonArray("exceptions").size(), "each exception once");
    assertEquals("a", exception(cause, 0).get("message").getAsString());
    assertEquals("b", exception(cause, 1).get("message").getAsString());
  }

  @Test
  void resultFitsTheHeaderLimitOfTheClient() {
    String json = XRayErrorCause.of(thrownAtDepth(3000, "x".repeat(5000), new IOException("y".repeat(5000))));

    assertTrue(utf8Length(json) <= XRayErrorCause.MAX_BYTES);
    assertTrue(XRayErrorCause.MAX_BYTES < 64 * 1024);
    assertFalse(json.contains("\n") || json.contains("\r"), "a single header line");
  }
}
