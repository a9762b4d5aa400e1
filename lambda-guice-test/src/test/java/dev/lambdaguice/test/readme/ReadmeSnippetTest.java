package dev.lambdaguice.test.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README.md shows {@link CreateOrderTest} as it is here (without the package line), so the README's test example
 * compiles and passes against the README's handler example ({@link CreateOrderHandler}, {@link OrdersModule}).
 */
class ReadmeSnippetTest {

  private static final Path SOURCES = Path.of("src/test/java/dev/lambdaguice/test/readme");

  @Test
  void theReadmeShowsTheTestAsItIs() throws Exception {
    assertReadmeShows("CreateOrderTest.java");
  }

  @Test
  void theReadmeShowsTheInvocationScopeExampleAsItIs() throws Exception {
    assertReadmeShows("AuditTrail.java");
    assertReadmeShows("OrderRepository.java");
  }

  private static void assertReadmeShows(String file) throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String source = Files.readString(SOURCES.resolve(file));
    String shown = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).strip();
    assertTrue(readme.contains(shown), "README.md shows " + file + " as it is; expected:\n" + shown);
  }
}
