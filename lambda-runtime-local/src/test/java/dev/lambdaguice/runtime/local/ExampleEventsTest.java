package dev.lambdaguice.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ExampleEvents}: the examples on the class path, on one line, and how they are quoted for a shell. */
class ExampleEventsTest {

  private final ExampleEvents examples = new ExampleEvents(ExampleEventsTest.class.getClassLoader());

  @Test
  void anExampleIsCompactedToOneLine() {
    // src/test/resources/META-INF/lambda-guice/examples/echo.json spans three lines
    assertEquals("{\"body\":\"hello world\"}", examples.forKey("echo"));
    assertEquals(List.of(), examples.problems());
  }

  @Test
  void aKeyWithoutAnExampleGetsAnEmptyObject() {
    assertEquals("{}", examples.forKey("no-example"));
    assertEquals("{}", examples.forKey(null));
    assertEquals(List.of(), examples.problems());
  }

  @Test
  void anExampleThatIsNotJsonGetsAnEmptyObjectAndIsReported() {
    assertEquals("{}", examples.forKey("broken"));

    assertEquals(1, examples.problems().size());
    assertTrue(examples.problems().get(0).startsWith("META-INF/lambda-guice/examples/broken.json is not JSON: "),
        examples.problems().get(0));
  }

  @Test
  void shellQuotingKeepsSingleQuotesOfTheEvent() throws IOException, InterruptedException {
    String event = "{\"name\":\"O'Brien\",\"path\":\"$HOME `x` \\\\\"}";
    String quoted = ExampleEvents.shellQuoted(event);

    assertEquals("'{\"name\":\"O'\\''Brien\",\"path\":\"$HOME `x` \\\\\"}'", quoted);
    Process shell = new ProcessBuilder("sh", "-c", "printf %s " + quoted).start();
    assertEquals(event, new String(shell.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(0, shell.waitFor());
  }
}
