package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.lambdaguice.handlers.sqs.BatchSpec.Defect;
import dev.lambdaguice.handlers.sqs.BatchSpec.Queue;
import dev.lambdaguice.handlers.sqs.BatchSpec.RecordSpec;
import dev.lambdaguice.handlers.sqs.BatchSpec.TopDefect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.function.Executable;

/**
 * Seeded random inputs for the randomized tests, with plain JDK randomness: each case is generated from its own
 * {@code new SplittableRandom(seed)}, so a seed names a case and a run is the same every time.
 *
 * <p>A failure message starts with {@code seed <n>}. Replay that case alone with
 * {@code mvn -pl lambda-handlers-sqs verify -Dtest='SomeTest#someMethod' -Dsqs.random.seed=<n>}; explore cases the
 * default seeds do not reach with {@code -Dsqs.random.offset=<n>}, which shifts every seed range.
 */
final class RandomBatches {

  /** Runs every randomized test with this one seed only. */
  static final String SEED_PROPERTY = "sqs.random.seed";
  /** Shifts every seed range by this much (default 0). */
  static final String OFFSET_PROPERTY = "sqs.random.offset";

  private RandomBatches() {}

  // ---- seeds and replay ----

  /** The seeds {@code base .. base + count - 1} (shifted by {@link #OFFSET_PROPERTY}), or {@link #SEED_PROPERTY}. */
  static LongStream seeds(long base, int count) {
    String only = System.getProperty(SEED_PROPERTY, "").trim();
    if (!only.isEmpty()) {
      return LongStream.of(Long.parseLong(only));
    }
    long offset = Long.parseLong(System.getProperty(OFFSET_PROPERTY, "0").trim());
    return LongStream.range(0, count).map(i -> base + offset + i);
  }

  /**
   * Runs one case; an exception other than a failed assertion becomes a failure whose message starts with
   * {@code where} (the seed and the case), so that every failure says how to replay it.
   */
  static void replayable(String where, Executable body) {
    try {
      body.execute();
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) {
      throw new AssertionError(where + ": unexpected " + e, e);
    }
  }

  // ---- choosing ----

  /** An index into {@code weights}, each chosen with a probability proportional to its weight. */
  static int weighted(SplittableRandom random, int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int x = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    throw new AssertionError("unreachable");
  }

  @SafeVarargs
  static <T> T oneOf(SplittableRandom random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** A size in {@code 0..max}, with the edges 0 and {@code max} more likely than the others. */
  static int size(SplittableRandom random, int max) {
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> max;
      default -> random.nextInt(max + 1);
    };
  }

  // ---- text ----

  private static final String ID_EXTRA_CHARS = "é€✓\t";
  private static final String JSON_SYNTAX = "{}[]\":,\\ 0-.eE";
  private static final String SPECIAL_CHARS = "\uFEFF\u2028\u2029\uFFFE\uFFFF\u0000\u00A0\u200B";

  /** A message id: 1 to 12 printable ASCII characters and a few others, never blank. */
  static String messageId(SplittableRandom random) {
    while (true) {
      int length = 1 + random.nextInt(12);
      StringBuilder id = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(95 + ID_EXTRA_CHARS.length());
        id.append(pick < 95 ? (char) (' ' + pick) : ID_EXTRA_CHARS.charAt(pick - 95));
      }
      if (!id.toString().isBlank()) {
        return id.toString();
      }
    }
  }

  /**
   * Up to {@code maxLength} chars of anything: printable ASCII, JSON syntax, control characters, any BMP char,
   * unpaired surrogates, supplementary characters (as pairs), byte order marks and other oddities.
   */
  static String garbage(SplittableRandom random, int maxLength) {
    int length = size(random, maxLength);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      switch (weighted(random, 40, 15, 10, 15, 5, 5, 10)) {
        case 0 -> text.append((char) (' ' + random.nextInt(95)));
        case 1 -> text.append(JSON_SYNTAX.charAt(random.nextInt(JSON_SYNTAX.length())));
        case 2 -> text.append(random.nextInt(4) == 0 ? (char) 127 : (char) random.nextInt(32));
        case 3 -> text.append((char) random.nextInt(0x10000));
        case 4 -> text.append((char) (0xD800 + random.nextInt(0x800)));
        case 5 -> {
          if (text.length() + 2 <= length) {
            text.appendCodePoint(0x10000 + random.nextInt(0x100000));
          }
        }
        default -> text.append(SPECIAL_CHARS.charAt(random.nextInt(SPECIAL_CHARS.length())));
      }
    }
    return text.toString();
  }

  /** {@link #garbage} that {@link ScriptedHandler} does not take for an Error or a barrier. */
  static String garbageBody(SplittableRandom random, int maxLength) {
    while (true) {
      String body = garbage(random, maxLength);
      if (!body.startsWith("error") && !body.startsWith("barrier")) {
        return body;
      }
    }
  }

  /** The text quoted, with anything but printable ASCII escaped, cut after {@code max} chars. */
  static String quote(String text, int max) {
    if (text == null) {
      return "<null>";
    }
    StringBuilder quoted = new StringBuilder("'");
    for (int i = 0; i < Math.min(max, text.length()); i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c <= '~' && c != '\'' && c != '\\') {
        quoted.append(c);
      } else {
        quoted.append(String.format("\\u%04x", (int) c));
      }
    }
    quoted.append('\'');
    if (text.length() > max) {
      quoted.append("...(").append(text.length()).append(" chars)");
    }
    return quoted.toString();
  }

  // ---- JSON trees ----

  private static final String[] KEYS = {"id", "name", "price", "fail", "Records", "messageId", "body", "a", "",
      " ", "\u0000", "é", "__proto__"};

  /** A random JSON value, nested at most {@code depth} deep. */
  static JsonElement jsonTree(SplittableRandom random, int depth) {
    int kind = depth <= 0 ? weighted(random, 1, 1, 2, 2, 0, 0) : weighted(random, 1, 1, 2, 2, 2, 3);
    switch (kind) {
      case 0: return JsonNull.INSTANCE;
      case 1: return new JsonPrimitive(random.nextBoolean());
      case 2: return jsonNumber(random);
      case 3: return new JsonPrimitive(random.nextInt(3) == 0 ? garbage(random, 12) : oneOf(random, "", "x", "ok",
          "fail", "12", "-1", "null", "true"));
      case 4: {
        JsonArray array = new JsonArray();
        int size = size(random, 4);
        for (int i = 0; i < size; i++) {
          array.add(jsonTree(random, depth - 1));
        }
        return array;
      }
      default: {
        JsonObject object = new JsonObject();
        int size = size(random, 4);
        for (int i = 0; i < size; i++) {
          String key = random.nextInt(4) == 0 ? garbage(random, 6) : oneOf(random, KEYS);
          object.add(key, jsonTree(random, depth - 1));
        }
        return object;
      }
    }
  }

  /** A JSON number: small, negative, fractional, at the edges of int and long, or beyond any Java number. */
  static JsonPrimitive jsonNumber(SplittableRandom random) {
    return switch (random.nextInt(9)) {
      case 0 -> new JsonPrimitive(0);
      case 1 -> new JsonPrimitive(random.nextInt(100));
      case 2 -> new JsonPrimitive(-1 - random.nextInt(100));
      case 3 -> new JsonPrimitive(random.nextInt(100) + 0.5);
      case 4 -> new JsonPrimitive(oneOf(random, Integer.MAX_VALUE, Integer.MIN_VALUE));
      case 5 -> new JsonPrimitive((long) Integer.MAX_VALUE + 1 + random.nextInt(1000));
      case 6 -> new JsonPrimitive(oneOf(random, Long.MAX_VALUE, Long.MIN_VALUE));
      case 7 -> new JsonPrimitive(new BigDecimal(oneOf(random, "1e999", "-1e999", "123456789012345678901234567890",
          "1e-999")));
      default -> new JsonPrimitive(oneOf(random, -0.0, 1e308, Double.MIN_VALUE));
    };
  }

  /**
   * A JSON object that may be an {@link Order}: each of {@code id}, {@code name} and {@code price} present or not,
   * of the right type or not, plus now and then an extra field.
   */
  static JsonObject orderLike(SplittableRandom random) {
    JsonObject order = new JsonObject();
    if (random.nextInt(5) > 0) {
      order.add("id", random.nextInt(3) > 0 ? new JsonPrimitive(random.nextInt(10_000)) : fieldOfAnyKind(random));
    }
    if (random.nextInt(5) > 0) {
      order.add("name", random.nextInt(3) > 0 ? new JsonPrimitive(garbage(random, 10)) : fieldOfAnyKind(random));
    }
    if (random.nextInt(5) > 0) {
      order.add("price", random.nextInt(3) > 0 ? new JsonPrimitive(random.nextInt(200) - 50) : fieldOfAnyKind(random));
    }
    if (random.nextInt(4) == 0) {
      order.add(oneOf(random, KEYS), jsonTree(random, 2));
    }
    return order;
  }

  private static JsonElement fieldOfAnyKind(SplittableRandom random) {
    return random.nextBoolean() ? jsonNumber(random) : jsonTree(random, 1);
  }

  // ---- SQS batches ----

  /**
   * A batch of up to {@code maxRecords} records, most of them well formed, now and then with a defect that makes
   * the event no SQS batch (about one batch in twelve has a record with a defect); bodies start with "error" (an
   * Error in {@link ScriptedHandler}) only if {@code errors}. One batch in three is a standard-queue batch, one in
   * three a FIFO batch whose records all have a message group, and the rest mix both.
   */
  static BatchSpec batch(SplittableRandom random, int maxRecords, boolean errors) {
    TopDefect top = TopDefect.values()[weighted(random, 92, 1, 1, 1, 1, 2, 1, 1)];
    Style style = Style.values()[random.nextInt(Style.values().length)];
    int size = size(random, maxRecords);
    List<RecordSpec> records = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      records.add(record(random, style, errors));
    }
    if (size > 0 && random.nextInt(12) == 0) { // each record defect turns up a few times per few hundred batches
      int i = random.nextInt(size);
      RecordSpec r = records.get(i);
      Defect defect = Defect.values()[1 + random.nextInt(Defect.values().length - 1)];
      records.set(i, new RecordSpec(r.messageId(), r.body(), r.bodyAbsent(), r.group(), r.queue(), defect, r.extras()));
    }
    return new BatchSpec(top, records);
  }

  /** Which queues and message groups the records of a batch have. */
  private enum Style { STANDARD, FIFO, MIXED }

  private static RecordSpec record(SplittableRandom random, Style style, boolean errors) {
    String id = switch (weighted(random, 30, 20, 1)) {
      case 0 -> duplicateProneId(random);
      case 1 -> messageId(random);
      default -> oneOf(random, "", " ");
    };
    String body = body(random, errors);
    int bodyKind = weighted(random, 16, 1, 1); // text, "body": null, no body field
    String group = switch (style) {
      case STANDARD -> null;
      case FIFO -> group(random);
      case MIXED -> random.nextInt(9) < 5 ? null : group(random);
    };
    Queue queue = switch (style) {
      case STANDARD -> oneOf(random, Queue.STANDARD, Queue.NONE);
      case FIFO -> random.nextInt(8) == 0 ? Queue.NONE : Queue.FIFO;
      case MIXED -> oneOf(random, Queue.values());
    };
    Defect defect = random.nextInt(301) == 0 ? oneOf(random, Defect.values()) : Defect.NONE;
    return new RecordSpec(id, bodyKind == 0 ? body : null, bodyKind == 2, group, queue, defect, random.nextBoolean());
  }

  /** One of a few ids, so that batches often repeat message ids. */
  static String duplicateProneId(SplittableRandom random) {
    return oneOf(random, "m0", "m1", "m2", "m3");
  }

  /** One of a few message groups, so that groups often have several records. */
  static String group(SplittableRandom random) {
    return oneOf(random, "g0", "g1", "g2");
  }

  /** A body: a {@link ScriptedHandler} command, garbage, or JSON (fixed, random, or order-like). */
  static String body(SplittableRandom random, boolean errors) {
    switch (weighted(random, 6, 4, 1, 3, 2, 1, 1, errors ? 1 : 0)) {
      case 0: return oneOf(random, "ok", "ok then more", "");
      case 1: return oneOf(random, "fail", "fail with secret-42");
      case 2: return oneOf(random, "hostile", "interrupt", "check-interrupt");
      case 3: return garbageBody(random, 40);
      case 4: return oneOf(random, "{}", "[]", "null", "{\"id\": 1, \"name\": \"x\", \"price\": 2}",
          "{\"id\": 1, \"price\": -2}", "{\"id\": \"x\"}", "{\"fail\": true}", "[[[[[[[[[[", "{\"a\":", "1e999");
      case 5: return jsonTree(random, 3).toString();
      case 6: return orderLike(random).toString();
      default: return "error";
    }
  }

  // ---- whole events that are mostly not SQS batches ----

  /** Raw event bytes for the runtime loop, and what kind of garbage they are. */
  record GarbageEvent(String kind, byte[] bytes) {
    /** The kind and the bytes as UTF-8 text, escaped; a long event by its first 80 and last 40 chars. */
    String describe() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      String shown = text.length() <= 120 ? quote(text, 120)
          : quote(text.substring(0, 80), 80) + " ... " + quote(text.substring(text.length() - 40), 40);
      return kind + " " + shown + " (" + bytes.length + " bytes)";
    }
  }

  private static final String[] ALMOST_EVENTS = {"", " ", "{", "}", "[", "{\"Records\": [",
      "{\"Records\": [{\"messageId\": \"m\"}]} x", "\uFEFF{\"Records\": []}", "{\"Records\": [] }", "null",
      "{\"Records\": []}{\"Records\": []}", "{\"Records\": [null]}", "{\"Records\": [{}]}", "\"Records\"",
      "{\"Records\": {}}", "[{\"Records\": []}]", "{'Records': []}", "{\"Records\": [],}"};

  /**
   * An event that is garbage: random text, an SQS batch cut short (between chars or inside a UTF-8 sequence), random
   * bytes, a batch with a few bytes overwritten, random JSON, or one of a few near misses.
   */
  static GarbageEvent garbageEvent(SplittableRandom random) {
    switch (weighted(random, 2, 2, 2, 1, 1, 1, 1)) {
      case 0:
        return new GarbageEvent("text", utf8(garbage(random, 60)));
      case 1: {
        String json = batch(random, 4, false).json().toString();
        int cut = Math.min(random.nextInt(401), json.length());
        return new GarbageEvent("truncated at char " + cut, utf8(json.substring(0, cut)));
      }
      case 2:
        return new GarbageEvent("near miss", utf8(oneOf(random, ALMOST_EVENTS)));
      case 3: {
        byte[] json = utf8(batch(random, 4, false).json().toString());
        int cut = random.nextInt(json.length + 1);
        return new GarbageEvent("truncated at byte " + cut, Arrays.copyOf(json, cut));
      }
      case 4: {
        byte[] bytes = new byte[size(random, 60)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
        if (random.nextBoolean()) {
          byte[] prefix = utf8("{\"Records\": [");
          byte[] prefixed = Arrays.copyOf(prefix, prefix.length + bytes.length);
          System.arraycopy(bytes, 0, prefixed, prefix.length, bytes.length);
          return new GarbageEvent("random bytes after a start", prefixed);
        }
        return new GarbageEvent("random bytes", bytes);
      }
      case 5: {
        byte[] json = utf8(batch(random, 4, false).json().toString());
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
          json[random.nextInt(json.length)] = (byte) random.nextInt(256);
        }
        return new GarbageEvent("batch with " + changes + " bytes overwritten", json);
      }
      default: {
        JsonElement tree = jsonTree(random, 4);
        if (random.nextBoolean()) {
          JsonObject event = new JsonObject();
          event.add("Records", tree);
          tree = event;
        }
        return new GarbageEvent("random JSON", utf8(tree.toString()));
      }
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---- service-call bodies ----

  /**
   * The kinds of body for the service-call test: a reserve call with a count in -1..3 (it succeeds when the count is
   * at least 1), a call that cannot be made or is no call, or garbage ({@code garbage:<text>}) or random JSON
   * ({@code json:<text>}).
   */
  static List<String> serviceCallKinds(SplittableRandom random, int max) {
    int size = size(random, max);
    List<String> kinds = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      kinds.add(switch (random.nextInt(4)) {
        case 0 -> String.valueOf(random.nextInt(5) - 1);
        case 1 -> oneOf(random, "unknown-service", "unknown-function", "too-few", "too-many", "no-args",
            "not-an-object", "no-args-array", "blank-service", "no-function", "count-not-a-number");
        case 2 -> "garbage:" + garbage(random, 30);
        default -> "json:" + jsonTree(random, 3);
      });
    }
    return kinds;
  }
}
