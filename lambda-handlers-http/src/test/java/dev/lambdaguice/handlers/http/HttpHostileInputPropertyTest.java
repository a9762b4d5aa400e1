package dev.lambdaguice.handlers.http;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input: the fixtures with fields removed or replaced by values of the wrong type, odd percent-encodings
 * and braces, through the router called directly. Every event is answered in an HTTP shape or fails with
 * {@link InvalidHttpEventException}; nothing else escapes. Each case comes from its seed, named in every failure.
 * Routes that throw on the odd requests answer 500 and log it, so the logs are captured.
 */
@CaptureLogs
class HttpHostileInputPropertyTest {

  private static final List<String> FIXTURES = List.of("rest-search.json", "rest-place-order.json",
      "rest-minimal.json", "rest-custom-domain.json", "http-api-get-book.json", "http-api-stage.json",
      "http-api-place-order.json", "function-url-upload.json", "alb-search.json", "alb-multi-value-order.json");
  private static final List<JsonElement> ODD = List.of(JsonNull.INSTANCE, new JsonPrimitive(42),
      new JsonPrimitive(true), new JsonPrimitive(""), new JsonPrimitive("%"), new JsonPrimitive("%zz/%C3"),
      new JsonPrimitive("/books/{isbn}"), new JsonPrimitive("2.0"), new JsonPrimitive("//a//b/"),
      new JsonPrimitive("a=1&&=&b"), new JsonPrimitive("\u0000\ud83d"), new JsonArray(), new JsonObject(),
      JsonParser.parseString("[\"x\", 1, null, {}]"), JsonParser.parseString("{\"elb\": {}, \"http\": 7}"));

  @SuppressWarnings("unchecked")
  private static final LambdaHandler<JsonObject, JsonObject> ROUTER = (LambdaHandler<JsonObject, JsonObject>) Guice
      .createInjector(new ShopModule())
      .getInstance(Key.get(new TypeLiteral<Map<String, Provider<LambdaHandler<?, ?>>>>() {}))
      .get(ShopModule.KEY).get();

  static LongStream seeds() {
    return LongStream.range(7_000_000, 7_000_600);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyEventIsAnsweredInAnHttpShapeOrNamedInvalid(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String fixture = FIXTURES.get(random.nextInt(FIXTURES.size()));
    JsonObject event = JsonParser.parseString(Events.read(fixture)).getAsJsonObject();
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      mutate(event, random);
    }
    String describe = "seed " + seed + " (" + fixture + ", " + mutations + " changes): " + event;
    JsonObject response;
    try {
      response = ROUTER.handle(event, null);
    } catch (InvalidHttpEventException e) {
      assertTrue(e.getMessage().startsWith("The "), describe + " -> " + e.getMessage());
      return;
    } catch (Exception | Error e) {
      fail(describe + " -> " + e, e);
      return;
    }
    int status = response.get("statusCode").getAsInt();
    assertTrue(status >= 200 && status <= 599, describe + " -> " + response);
    assertTrue(response.get("body").isJsonPrimitive() && response.get("isBase64Encoded").isJsonPrimitive(),
        describe + " -> " + response);
    assertTrue(response.has("headers") || response.has("multiValueHeaders"), describe + " -> " + response);
  }

  /** Removes or replaces one member somewhere in the event. */
  private static void mutate(JsonObject event, SplittableRandom random) {
    List<JsonObject> objects = new ArrayList<>();
    collect(event, objects);
    JsonObject target = objects.get(random.nextInt(objects.size()));
    if (target.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(target.keySet());
    String name = names.get(random.nextInt(names.size()));
    if (random.nextInt(4) == 0) {
      target.remove(name);
    } else {
      target.add(name, ODD.get(random.nextInt(ODD.size())).deepCopy());
    }
  }

  private static void collect(JsonObject object, List<JsonObject> objects) {
    objects.add(object);
    for (Map.Entry<String, JsonElement> member : object.entrySet()) {
      if (member.getValue() instanceof JsonObject child) {
        collect(child, objects);
      }
    }
  }
}
