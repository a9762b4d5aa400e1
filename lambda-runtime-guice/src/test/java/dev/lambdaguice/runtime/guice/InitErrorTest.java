package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.guice.fixtures.BadModules;
import dev.lambdaguice.runtime.guice.fixtures.FixtureModule;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Each init failure is posted to /runtime/init/error with its Runtime.* type and an actionable message. */
class InitErrorTest {

  private static final String FIXTURES = FixtureModule.class.getName();

  /** Runs init against a server that accepts the init error; returns the posted error body. */
  private static JsonObject initError(String expectedType, String modules, String... args) throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.status(202);
      assertEquals(LambdaRuntime.EXIT_INIT_FAILED, api.run(modules, args));
      List<RecordedRequest> requests = api.requests();
      assertEquals(1, requests.size(), "exactly one request, the init error, and no /next");
      RecordedRequest request = requests.get(0);
      assertEquals("POST /2018-06-01/runtime/init/error", MockRuntimeApi.path(request));
      assertEquals(expectedType, request.getHeaders().get("Lambda-Runtime-Function-Error-Type"));
      JsonObject body = MockRuntimeApi.json(request);
      assertEquals(expectedType, body.get("errorType").getAsString());
      assertTrue(body.get("stackTrace").isJsonArray());
      return body;
    }
  }

  private static String message(JsonObject body) {
    return body.get("errorMessage").getAsString();
  }

  @Test
  void modulesVariableMissing() throws Exception {
    String message = message(initError("Runtime.MissingConfiguration", null, "greet"));
    assertTrue(message.contains("LAMBDA_GUICE_MODULES is not set"), message);
  }

  @Test
  void modulesVariableBlank() throws Exception {
    assertTrue(message(initError("Runtime.MissingConfiguration", "  ", "greet")).contains("LAMBDA_GUICE_MODULES"));
  }

  @Test
  void emptyEntryInModules() throws Exception {
    String message = message(initError("Runtime.MissingConfiguration", FIXTURES + ",,", "greet"));
    assertTrue(message.contains("empty entry at position 2"), message);
  }

  @Test
  void moduleClassNotFound() throws Exception {
    String message = message(initError("Runtime.ModuleNotFound", "com.example.Missing", "greet"));
    assertTrue(message.contains("com.example.Missing") && message.contains("not found"), message);
  }

  @Test
  void classIsNotAModule() throws Exception {
    String message = message(initError("Runtime.InvalidModule", BadModules.NotAModule.class.getName(), "x"));
    assertTrue(message.contains("is not a com.google.inject.Module"), message);
  }

  @Test
  void moduleWithoutNoArgumentConstructor() throws Exception {
    String message = message(initError("Runtime.InvalidModule", BadModules.NeedsArgument.class.getName(), "x"));
    assertTrue(message.contains("no public no-argument constructor"), message);
  }

  @Test
  void moduleConstructorThrows() throws Exception {
    JsonObject body = initError("Runtime.ModuleConstructorFailed",
        BadModules.ThrowsInConstructor.class.getName(), "x");
    assertTrue(message(body).contains("cannot read config file /etc/app.conf"), message(body));
    assertTrue(body.get("stackTrace").toString().contains("ThrowsInConstructor"), "the cause's frames are kept");
  }

  @Test
  void guiceCreationExceptionKeepsGuiceMessages() throws Exception {
    String message = message(initError("Runtime.InjectorCreationFailed",
        BadModules.MissingDependency.class.getName(), "needy"));
    assertTrue(message.contains("No implementation for Runnable was bound")
        || message.contains("No implementation for java.lang.Runnable was bound"), message);
  }

  @Test
  void duplicateKeyNamesBothBindings() throws Exception {
    String message = message(initError("Runtime.InjectorCreationFailed",
        FIXTURES + "," + BadModules.DuplicateGreet.class.getName(), "greet"));
    assertTrue(message.contains("greet"), message);
    assertTrue(message.contains("FixtureModule") && message.contains("DuplicateGreet"), message);
  }

  @Test
  void unknownHandlerKeyListsBoundKeys() throws Exception {
    String message = message(initError("Runtime.NoSuchHandler", FIXTURES, "nope"));
    assertTrue(message.contains("'nope'") && message.contains("[greet, throw]"), message);
  }

  @Test
  void noHandlerKeyAtAll() throws Exception {
    String message = message(initError("Runtime.NoSuchHandler", FIXTURES));
    assertTrue(message.contains("_HANDLER") && message.contains("[greet, throw]"), message);
  }

  @Test
  void handlerWithoutConcreteEventType() throws Exception {
    String message = message(initError("Runtime.BadFunctionCode",
        BadModules.RawHandlerModule.class.getName(), "generic"));
    assertTrue(message.contains("concrete event type"), message);
  }

  @Test
  void missingRuntimeApiVariablePostsNothing() {
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    assertEquals(LambdaRuntime.EXIT_INIT_FAILED, LambdaRuntime.run(Map.of("LAMBDA_GUICE_MODULES", FIXTURES),
        List.of("greet"), new PrintStream(logs, true, StandardCharsets.UTF_8)));
    assertTrue(logs.toString(StandardCharsets.UTF_8)
        .contains("Runtime.MissingConfiguration: AWS_LAMBDA_RUNTIME_API is not set"), logs.toString());
  }

  @Test
  void handlerKeyFromEnvironmentWhenNoArgument() throws Exception {
    try (MockRuntimeApi api = new MockRuntimeApi()) {
      api.next(new mockwebserver3.MockResponse.Builder().code(500));
      java.util.Map<String, String> env = new java.util.HashMap<>();
      env.put("AWS_LAMBDA_RUNTIME_API", api.server.getHostName() + ":" + api.server.getPort());
      env.put("LAMBDA_GUICE_MODULES", FIXTURES);
      env.put("_HANDLER", "greet");
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED,
          LambdaRuntime.run(env, List.of(), new PrintStream(OutputStream.nullOutputStream())));
      assertEquals("GET /2018-06-01/runtime/invocation/next", MockRuntimeApi.path(api.requests().get(0)),
          "init succeeded with the key from _HANDLER and asked for an invocation");
    }
  }

  @Test
  void aKeyBoundAsHandlerAndAsStreamingHandlerIsAnInitErrorNamingTheKey() throws Exception {
    String message = message(initError("Runtime.BadFunctionCode",
        dev.lambdaguice.runtime.guice.fixtures.StreamingModule.BothWays.class.getName(), "greet"));
    assertTrue(message.contains("Key 'greet' is bound both as a handler"), message);
  }
}
