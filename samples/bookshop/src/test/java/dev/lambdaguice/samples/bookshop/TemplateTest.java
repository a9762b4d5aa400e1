package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code template.yaml} deploys one function for each handler key the sample binds, and no other. */
class TemplateTest {

  private static final Pattern COMMAND = Pattern.compile("^\\s*Command: \\[([a-z-]+)]\\s*$", Pattern.MULTILINE);

  @Test
  void oneFunctionPerBoundHandlerKey() throws Exception {
    String template = Files.readString(Path.of("template.yaml"));
    Set<String> commands = new TreeSet<>();
    Matcher command = COMMAND.matcher(template);
    while (command.find()) {
      assertTrue(commands.add(command.group(1)), "two functions run " + command.group(1));
    }
    Map<String, Provider<LambdaHandler<?, ?>>> handlers = Guice.createInjector(new BookshopModule())
        .getInstance(Key.get(new TypeLiteral<Map<String, Provider<LambdaHandler<?, ?>>>>() {}));
    assertEquals(new TreeSet<>(handlers.keySet()), commands);
  }

  @Test
  void theQueueFunctionReportsBatchItemFailures() throws Exception {
    String template = Files.readString(Path.of("template.yaml"));
    int queueFunction = template.indexOf("Command: [sqs-service-call]");
    int nextFunction = template.indexOf("Type: AWS::Serverless::Function", queueFunction);
    String function = template.substring(queueFunction, nextFunction < 0 ? template.length() : nextFunction);
    assertTrue(function.contains("Type: SQS"), function);
    assertTrue(function.contains("FunctionResponseTypes: [ReportBatchItemFailures]"), function);
  }
}
