package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generators of hostile service-call events, and what the rules allow for them: which names reach which service,
 * which functions of it are callable, and which methods may ever run.
 *
 * <p>Every generator draws only from the {@link SplittableRandom} it is given, and every list it picks from has a
 * fixed order, so one seed always gives the same event (see {@link Seeds}).
 */
final class HostileEvents {

  /** Marks string argument values: no error message may ever contain it. */
  static final String SECRET = "s3cr3t";

  /** The callable functions of each exposed service, written out by hand (not derived from the code under test). */
  static final Map<String, Set<String>> FUNCTIONS = Map.of(
      OrderService.class.getName(),
      Set.of("audit", "bySku", "cancel", "describe", "escalate", "fail", "place", "reject", "total"),
      Calculator.class.getName(),
      Set.of("add", "boxed", "describe", "first", "negate", "not", "square", "transform", "tree", "typeOf"),
      Invocations.class.getName(), Set.of("list"),
      Counter.class.getName(), Set.of("increment"),
      FreshCounter.class.getName(), Set.of("increment"));

  /** Each name callers may use, and the service it reaches. */
  static final Map<String, String> SERVICES = Map.of(
      OrderService.class.getName(), OrderService.class.getName(), "orders", OrderService.class.getName(),
      Calculator.class.getName(), Calculator.class.getName(), "calc", Calculator.class.getName(),
      Invocations.class.getName(), Invocations.class.getName(),
      Counter.class.getName(), Counter.class.getName(), "counter", Counter.class.getName(),
      FreshCounter.class.getName(), FreshCounter.class.getName());

  /** The services whose callable methods record themselves in {@link Invocations}, as {@code SimpleName.method}. */
  static final Set<String> RECORDING_SERVICES = Set.of(OrderService.class.getName(), Calculator.class.getName());

  /** What {@link Invocations} may ever hold: the callable methods that record themselves. */
  static final Set<String> ALLOWED_INVOCATIONS = Set.of(
      "OrderService.audit", "OrderService.bySku", "OrderService.cancel", "OrderService.describe",
      "OrderService.escalate", "OrderService.fail", "OrderService.place", "OrderService.reject", "OrderService.total",
      "Calculator.add", "Calculator.boxed", "Calculator.describe", "Calculator.first", "Calculator.negate",
      "Calculator.not", "Calculator.square", "Calculator.transform", "Calculator.tree", "Calculator.typeOf");

  static final String TRIPWIRE = "dev.lambdaguice.handlers.servicecall.Tripwire";

  /** The names callers may use, in a fixed order ({@link Map#keySet()} of {@link Map#of} is not). */
  private static final List<String> SERVICE_NAMES = SERVICES.keySet().stream().sorted().toList();

  /** Every callable function name of any service, in a fixed order. */
  private static final List<String> CALLABLE_FUNCTIONS =
      FUNCTIONS.values().stream().flatMap(Set::stream).distinct().sorted().toList();

  private static final List<String> HOSTILE_SERVICES = List.of(
      "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.System", "java.lang.Class", "java.lang.Thread",
      "java.lang.ClassLoader", "java.lang.Object", "java.io.File", "java.nio.file.Files",
      "javax.script.ScriptEngineManager",
      "sun.misc.Unsafe", "com.google.inject.Injector", "com.google.gson.Gson", TRIPWIRE, TRIPWIRE + "Control",
      DefaultOrderService.class.getName(), ServiceDispatcher.class.getName(), Tripwires.class.getName(),
      HiddenService.class.getName(), "Calc", "CALC", "calc ", " calc", "orders\u0000", "OrderService", "",
      "Calculator", "dev.lambdaguice.handlers.servicecall", "[Ljava.lang.String;", "int");

  private static final List<String> HOSTILE_FUNCTIONS = List.of(
      "getClass", "hashCode", "equals", "toString", "wait", "notify", "notifyAll", "clone", "finalize", "exit", "halt",
      "exec", "getRuntime", "forName", "newInstance", "start", "load", "loadLibrary", "setProperty", "twice", "none",
      "reset", "internal", "record", "secretAdmin", "fire", "<init>", "<clinit>", "Add", "add ", "", "dispatch");

  /** The callable functions of the exposed services with their arities, as {@code name function arity...}. */
  private static final List<String> FUNCTION_ARITIES = List.of(
      "calc add 2 3", "calc describe 1", "calc square 1", "calc boxed 1", "calc not 1", "calc first 1",
      "calc negate 1", "calc transform 1", "calc tree 1", "calc typeOf 1", "orders place 1", "orders bySku 1",
      "orders total 1", "orders escalate 1", "orders cancel 1", "orders reject 1", "orders fail 1", "orders audit 1",
      "orders describe 1", "counter increment 0");

  private static final List<String> KEYWORDS = List.of("LOW", "HIGH", "x", "", "1", "true", "null", "12.50 EUR");
  private static final List<String> ODD_NUMBERS = List.of(
      "1e400", "-0", "12345678901234567890", "0.1", "2147483648", "-9223372036854775808", "4.9e-324");
  private static final List<String> FIELD_NAMES = List.of("sku", "quantity", "id", "priority", "lines", "a", "b");
  private static final List<String> CALL_FIELDS = List.of("serviceName", "function", "args");

  private static final String ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
      + "abcdefghijklmnopqrstuvwxyz{|}~";
  private static final String ODD_CHARS = "\u0000\u0001\t\n\r\u001f\u007f\u0085\u00a0\u00e9\u00df\u2028\u2029"
      + "\u200b\u202e\ufeff\u4e2d\u0410\u05d0\ufffd";
  private static final int[] SUPPLEMENTARY = {0x1F600, 0x1F4A9, 0x10000, 0x1D11E, 0x10FFFD};

  private HostileEvents() {}

  /**
   * One event, as dispatched: a call of a callable function with about the right number of plausible arguments
   * (4 in 10), a call with hostile names and random arguments (4 in 10), a malformed call (1 in 10), random JSON
   * (1 in 10).
   */
  static JsonElement event(SplittableRandom random) {
    return switch (pick(random, 4, 4, 1, 1)) {
      case 0 -> plausibleCall(random);
      case 1 -> call(random);
      case 2 -> malformedCall(random);
      default -> json(random, 3);
    };
  }

  /** One event as the runtime receives it: JSON text, or now and then (1 in 10) text that is not JSON at all. */
  static String eventText(SplittableRandom random) {
    if (pick(random, 9, 1) == 0) {
      return event(random).toString();
    }
    if (random.nextBoolean()) {
      return string(random, 30);
    }
    String text = event(random).toString();
    return text.substring(0, text.length() / 2);
  }

  /** A callable function of an exposed service, with its arity (or one more or less) of plausible arguments. */
  static JsonElement plausibleCall(SplittableRandom random) {
    String[] parts = oneOf(random, FUNCTION_ARITIES).split(" ");
    int arity = Integer.parseInt(parts[2 + random.nextInt(parts.length - 2)]);
    int count = switch (pick(random, 8, 1, 1)) {
      case 0 -> arity;
      case 1 -> arity + 1;
      default -> Math.max(0, arity - 1);
    };
    JsonArray args = new JsonArray();
    for (int i = 0; i < count; i++) {
      args.add(plausibleArgument(random));
    }
    JsonObject call = new JsonObject();
    call.addProperty("serviceName", parts[0]);
    call.addProperty("function", parts[1]);
    call.add("args", args);
    return call;
  }

  /** Numbers, strings, enum names, orders, lines, maps of lines, now and then anything. */
  static JsonElement plausibleArgument(SplittableRandom random) {
    return switch (pick(random, 3, 3, 1, 1, 2, 2, 1, 2)) {
      case 0 -> new JsonPrimitive(random.nextInt(-100, 101));
      case 1 -> new JsonPrimitive(oneOf(random, List.of("LOW", "HIGH", "x", "", SECRET)));
      case 2 -> new JsonPrimitive(random.nextBoolean());
      case 3 -> JsonNull.INSTANCE;
      case 4 -> order(random);
      case 5 -> lines(random);
      case 6 -> lineMap(random);
      default -> json(random, 2);
    };
  }

  /** A call naming a service and a function, callable or hostile or random, with random arguments (or none). */
  static JsonObject call(SplittableRandom random) {
    JsonObject call = new JsonObject();
    call.addProperty("serviceName", serviceName(random));
    call.addProperty("function", function(random));
    switch (pick(random, 8, 1, 1)) {
      case 0 -> {
        JsonArray args = new JsonArray();
        for (int i = random.nextInt(5); i > 0; i--) {
          args.add(json(random, 2));
        }
        call.add("args", args);
      }
      case 1 -> { } // no args at all
      default -> call.add("args", JsonNull.INSTANCE);
    }
    return call;
  }

  /** A call with a field missing (3 in 10) or replaced by random JSON, often of the wrong kind. */
  static JsonObject malformedCall(SplittableRandom random) {
    JsonObject call = call(random);
    String field = oneOf(random, CALL_FIELDS);
    call.remove(field);
    if (random.nextInt(10) >= 3) {
      call.add(field, json(random, 1));
    }
    return call;
  }

  static String serviceName(SplittableRandom random) {
    return switch (pick(random, 4, 4, 1, 1)) {
      case 0 -> oneOf(random, SERVICE_NAMES);
      case 1 -> oneOf(random, HOSTILE_SERVICES);
      case 2 -> string(random, 30);
      default -> stringOf(random, "abcjavlng.$", 1, 20);
    };
  }

  static String function(SplittableRandom random) {
    return switch (pick(random, 4, 4, 1)) {
      case 0 -> oneOf(random, CALLABLE_FUNCTIONS);
      case 1 -> oneOf(random, HOSTILE_FUNCTIONS);
      default -> string(random, 20);
    };
  }

  /** Random JSON, at most {@code depth} levels of arrays and objects deep. */
  static JsonElement json(SplittableRandom random, int depth) {
    if (depth == 0 || pick(random, 3, 1, 1) == 0) {
      return leaf(random);
    }
    int size = random.nextInt(5);
    if (random.nextBoolean()) {
      JsonArray array = new JsonArray();
      for (int i = 0; i < size; i++) {
        array.add(json(random, depth - 1));
      }
      return array;
    }
    JsonObject object = new JsonObject();
    for (int i = 0; i < size; i++) {
      String key = random.nextBoolean() ? oneOf(random, FIELD_NAMES) : string(random, 5);
      object.add(key, json(random, depth - 1));
    }
    return object;
  }

  private static JsonElement leaf(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> new JsonPrimitive(random.nextBoolean());
      case 2 -> new JsonPrimitive(anInt(random));
      case 3 -> new JsonPrimitive(aLong(random));
      case 4 -> new JsonPrimitive(aDouble(random));
      case 5 -> JsonParser.parseString(oneOf(random, ODD_NUMBERS));
      case 6 -> new JsonPrimitive(oneOf(random, KEYWORDS));
      default -> new JsonPrimitive(SECRET + string(random, 10));
    };
  }

  private static JsonElement line(SplittableRandom random) {
    JsonObject line = new JsonObject();
    line.addProperty("sku", oneOf(random, List.of("a", "b", SECRET)));
    line.addProperty("quantity", random.nextInt(-3, 4));
    return line;
  }

  private static JsonArray lines(SplittableRandom random) {
    JsonArray lines = new JsonArray();
    for (int i = random.nextInt(4); i > 0; i--) {
      lines.add(line(random));
    }
    return lines;
  }

  private static JsonElement order(SplittableRandom random) {
    JsonObject order = new JsonObject();
    order.addProperty("id", oneOf(random, List.of("o-1", SECRET)));
    order.addProperty("priority", oneOf(random, List.of("LOW", "HIGH", "NONE")));
    order.add("lines", lines(random));
    return order;
  }

  private static JsonElement lineMap(SplittableRandom random) {
    JsonObject map = new JsonObject();
    for (int i = random.nextInt(3); i > 0; i--) {
      map.add(random.nextBoolean() ? "x" : "y", line(random));
    }
    return map;
  }

  /** Any int, with small numbers and boundaries more often than a uniform draw would give them. */
  private static int anInt(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(-10, 11);
      case 1 -> oneOf(random, List.of(0, 1, -1, 127, 128, 255, 256, 65535, 65536, Integer.MAX_VALUE,
          Integer.MIN_VALUE));
      default -> random.nextInt();
    };
  }

  private static long aLong(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextLong(-10, 11);
      case 1 -> oneOf(random, List.of(0L, (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE - 1,
          Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, (1L << 53) + 1));
      default -> random.nextLong();
    };
  }

  /** A finite double: small, fractional, huge or tiny. */
  private static double aDouble(SplittableRandom random) {
    double sign = random.nextBoolean() ? 1 : -1;
    return switch (random.nextInt(4)) {
      case 0 -> sign * random.nextDouble() * 100;
      case 1 -> oneOf(random, List.of(0.0, -0.0, 0.5, 1.0, Double.MAX_VALUE, Double.MIN_VALUE, -Double.MAX_VALUE,
          2147483647.5, 9.007199254740993E15));
      case 2 -> sign * random.nextInt(1000) / 10.0;
      default -> sign * random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
    };
  }

  /**
   * A string of at most {@code maxLength} chars: mostly printable ASCII, with control chars, JSON syntax, other
   * scripts, invisible and bidi marks, and characters beyond the BMP mixed in.
   */
  static String string(SplittableRandom random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      switch (pick(random, 12, 3, 1)) {
        case 0 -> text.append(ASCII.charAt(random.nextInt(ASCII.length())));
        case 1 -> text.append(ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length())));
        default -> {
          if (text.length() + 2 <= length) {
            text.appendCodePoint(SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)]);
          }
        }
      }
    }
    return text.toString();
  }

  private static String stringOf(SplittableRandom random, String chars, int minLength, int maxLength) {
    int length = random.nextInt(minLength, maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }

  /** Whether the service or function name holds {@link #SECRET}: names may be quoted in messages, values not. */
  static boolean namesHoldSecret(JsonElement event) {
    if (event == null || !event.isJsonObject()) {
      return false;
    }
    JsonObject call = event.getAsJsonObject();
    return String.valueOf(call.get("serviceName")).contains(SECRET)
        || String.valueOf(call.get("function")).contains(SECRET);
  }

  /** An index drawn with the given weights: {@code pick(r, 4, 1)} is 0 four times in five. */
  private static int pick(SplittableRandom random, int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return i;
      }
    }
    throw new AssertionError("unreachable");
  }

  private static <T> T oneOf(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
