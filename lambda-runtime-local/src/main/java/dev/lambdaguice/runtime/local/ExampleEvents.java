package dev.lambdaguice.runtime.local;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The example events an application ships for {@link LocalMain}'s start-up hints: for handler key {@code k}, the
 * class path resource {@code META-INF/lambda-guice/examples/k.json}, one JSON value. The first one found wins, so an
 * application's own example comes before one a handler module ships, if its classes come first on the class path.
 */
final class ExampleEvents {

  /** Where the examples are, on the class path. */
  static final String FOLDER = "META-INF/lambda-guice/examples/";

  /** What is shown for a key without an example. */
  static final String NONE = "{}";

  private final ClassLoader loader;
  private final List<String> problems = new ArrayList<>();

  ExampleEvents(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The example event of {@code key} on one line; {@value #NONE} for a null key, or for one without an example or
   * with one that cannot be read (see {@link #problems()}).
   */
  synchronized String forKey(String key) {
    if (key == null) {
      return NONE;
    }
    String resource = FOLDER + key + ".json";
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return NONE;
      }
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).toString();
    } catch (IOException e) {
      problems.add("cannot read " + resource + ": " + e);
    } catch (JsonParseException e) {
      problems.add(resource + " is not JSON: " + e.getMessage());
    }
    return NONE;
  }

  /** What went wrong reading examples so far, one message each. */
  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** {@code text} as one shell word in single quotes. */
  static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
