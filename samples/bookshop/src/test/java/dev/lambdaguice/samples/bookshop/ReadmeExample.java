package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code curl} example of this module's README.md: the event sent to {@code key} and the answer shown on the
 * {@code # } line under it. Tests run them against the runtime in-process and against the image.
 */
public record ReadmeExample(String key, String event, String answer) {

  private static final Pattern CURL =
      Pattern.compile("^curl .*localhost:9000/2015-03-31/functions/([a-z-]+)/invocations -d '(.*)'$");
  private static final Pattern STACK_TRACE = Pattern.compile("\"stackTrace\":\\[.*\\]");

  /** The README's examples by key, keys and examples in README order. */
  public static Map<String, List<ReadmeExample>> byKey(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    Map<String, List<ReadmeExample>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher curl = CURL.matcher(lines.get(i));
      if (curl.matches()) {
        String answer = i + 1 < lines.size() ? lines.get(i + 1) : "";
        assertTrue(answer.startsWith("# "), "the line after README line " + (i + 1) + " shows the answer");
        byKey.computeIfAbsent(curl.group(1), key -> new ArrayList<>())
            .add(new ReadmeExample(curl.group(1), curl.group(2), answer.substring(2)));
      }
    }
    return byKey;
  }

  /**
   * Invokes {@code examples} in order on {@code lambda}, whose runtime serves their key, and describes each answer
   * that is not the README's (stack traces are compared as {@code [...]}).
   */
  public static List<String> mismatches(LocalLambda lambda, List<ReadmeExample> examples)
      throws InterruptedException, TimeoutException {
    List<String> wrong = new ArrayList<>();
    for (ReadmeExample example : examples) {
      InvokeResult result = lambda.invoke(example.event());
      String answer = STACK_TRACE.matcher(result.bodyAsString()).replaceAll("\"stackTrace\":[...]");
      if (!answer.equals(example.answer())) {
        wrong.add(example.key() + " " + example.event() + "\n  README: " + example.answer() + "\n  actual: " + answer);
      }
    }
    return wrong;
  }
}
