package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.StreamingHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code template.yaml} deploys one function for each handler key the sample binds, and no other; the README's
 * first command ({@code exec:java@serve} in {@code pom.xml}) serves every one of them.
 */
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
    assertEquals(boundKeys(), commands);
  }

  private static final Pattern SERVED_KEYS =
      Pattern.compile("<argument>--handler</argument>\\s*<argument>([^<]+)</argument>");

  @Test
  void theServeCommandOfTheQuickStartServesEveryBoundKey() throws Exception {
    Matcher served = SERVED_KEYS.matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(served.find(), "pom.xml's exec:java@serve names no --handler");
    assertEquals(boundKeys(), new TreeSet<>(List.of(served.group(1).split(","))));
  }

  /** Every handler key {@link BookshopModule} binds, buffered or streaming. */
  private static Set<String> boundKeys() {
    Injector injector = Guice.createInjector(new BookshopModule());
    Set<String> keys = new TreeSet<>(injector
        .getInstance(Key.get(new TypeLiteral<Map<String, Provider<LambdaHandler<?, ?>>>>() {})).keySet());
    keys.addAll(injector
        .getInstance(Key.get(new TypeLiteral<Map<String, Provider<StreamingHandler<?>>>>() {})).keySet());
    return keys;
  }

  private static final Pattern HTTP_ROUTE =
      Pattern.compile("Type: HttpApi\\s+Properties: \\{ Path: \"?([^\",]+)\"?, Method: ([A-Z]+) }");

  @Test
  void theHttpApiDeclaresTheRoutesTheApiKeyServes() throws Exception {
    String template = Files.readString(Path.of("template.yaml"));
    int api = template.indexOf("Command: [api]");
    String function = template.substring(api, template.indexOf("Type: AWS::Serverless::Function", api));
    Set<String> routes = new TreeSet<>();
    Matcher route = HTTP_ROUTE.matcher(function);
    while (route.find()) {
      routes.add(route.group(2) + " " + route.group(1));
    }
    assertEquals(Set.of("GET /books", "GET /books/{isbn}", "POST /orders", "GET /orders/{id}"), routes, function);
    @SuppressWarnings("unchecked")
    LambdaHandler<JsonObject, JsonObject> handler = (LambdaHandler<JsonObject, JsonObject>) Guice
        .createInjector(new BookshopModule())
        .getInstance(Key.get(new TypeLiteral<Map<String, Provider<LambdaHandler<?, ?>>>>() {}))
        .get(BookshopModule.API_KEY).get();
    for (String declared : routes) {
      String[] methodAndPath = declared.split(" ");
      JsonObject event = JsonParser.parseString("{\"version\": \"2.0\", \"requestContext\": {\"http\": {}}}")
          .getAsJsonObject();
      event.addProperty("rawPath", methodAndPath[1].replaceAll("\\{[a-z]+}", "x"));
      event.getAsJsonObject("requestContext").getAsJsonObject("http").addProperty("method", methodAndPath[0]);
      JsonObject response = handler.handle(event, null);
      int status = response.get("statusCode").getAsInt();
      String message = response.get("body").getAsString();
      assertTrue(status != 405 && !message.contains("No resource at"), declared + " is routed: " + response);
    }
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
