package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code curl} of this module's README.md and of the project's README.md (its quick start serves this sample)
 * gets the answer the README shows under it, with the keys served by the real runtime: each key by its own fresh
 * function, its examples in README order.
 */
@LambdaTest(modules = BookshopModule.class)
class ReadmeExamplesTest {

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "../../README.md"})
  void everyCurlGetsTheAnswerTheReadmeShows(String readme, LambdaClient lambda) throws Exception {
    lambda.restart();
    Map<String, List<ReadmeExample>> byKey = ReadmeExample.byKey(Path.of(readme));
    assertEquals(List.of("api", "service-call", "sqs-service-call", "stock-arrivals", "echo"), List.copyOf(byKey.keySet()),
        "the README shows every key, in this order");
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, List<ReadmeExample>> key : byKey.entrySet()) {
      wrong.addAll(ReadmeExample.mismatches(lambda.lambda(key.getKey()), key.getValue()));
    }
    if (!wrong.isEmpty()) {
      fail("README examples with another answer:\n" + String.join("\n", wrong));
    }
  }
}
