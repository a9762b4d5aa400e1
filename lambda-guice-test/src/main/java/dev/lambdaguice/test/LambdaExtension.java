package dev.lambdaguice.test;

import com.google.gson.Gson;
import com.google.inject.Module;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LambdaTest}: per test class, a {@link LambdaClient} whose functions run the
 * application's modules on {@code lambda-runtime-local}, stopped when the class ends (nested classes share their
 * outer class's); per test, the log lines, kept in {@link CapturedLogs} and printed only if the test fails. Test
 * methods and {@code @BeforeEach} methods can take a {@link LambdaClient} or {@link CapturedLogs} parameter.
 *
 * <p>Registered by {@link LambdaTest}, or in code when the settings need it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LambdaExtension LAMBDA = LambdaExtension.builder()
 *     .modules(AppModule.class)
 *     .env("TABLE_NAME", "orders-test")
 *     .gson(AppModule.GSON)
 *     .build();
 * }</pre>
 */
public final class LambdaExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LambdaExtension.class);
  private static final String STATE = "state";

  /** Null when the settings come from the test class's {@link LambdaTest}. */
  private final TestConfig config;
  private volatile LambdaClient client;

  /** The extension {@link LambdaTest} registers; it reads its settings from the annotation. */
  public LambdaExtension() {
    this.config = null;
  }

  private LambdaExtension(TestConfig config) {
    this.config = config;
  }

  /** Settings for an extension registered with {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The client of the test class this extension (registered as a static field) serves: for code that has no
   * parameter to take it, such as a static helper.
   *
   * @throws IllegalStateException the class has not started
   */
  public LambdaClient client() {
    LambdaClient current = client;
    if (current == null) {
      throw new IllegalStateException("the LambdaExtension has not started: register it on a static field with"
          + " @RegisterExtension and call client() from a test or lifecycle method");
    }
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(STATE, ClassState.class) != null) {
      return; // a nested class: the outer class's functions serve it
    }
    TestConfig settings = config != null ? config : annotationConfig(context.getRequiredTestClass());
    TestLogSession session = new TestLogSession(settings.printLogs());
    LambdaClient created = new LambdaClient(settings, session);
    store.put(STATE, new ClassState(context.getRequiredTestClass(), session, created));
    client = created;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassState state = context.getStore(NAMESPACE).get(STATE, ClassState.class);
    if (state != null && state.owner() == context.getRequiredTestClass()) {
      context.getStore(NAMESPACE).remove(STATE);
      try {
        state.client().close();
      } finally {
        state.session().close();
        client = null;
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    state(context).session().beginTest();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClassState state = state(context);
    state.client().logs();
    state.session().endTest(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LambdaClient.class || type == CapturedLogs.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ClassState state = state(context);
    return parameter.getParameter().getType() == LambdaClient.class ? state.client() : state.client().logs();
  }

  private static ClassState state(ExtensionContext context) {
    ClassState state = context.getStore(NAMESPACE).get(STATE, ClassState.class);
    if (state == null) {
      throw new ExtensionConfigurationException("LambdaExtension has no functions for " + context.getDisplayName()
          + ": register it on the test class (@LambdaTest, or a static @RegisterExtension field)");
    }
    return state;
  }

  private static TestConfig annotationConfig(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      var annotation = AnnotationSupport.findAnnotation(type, LambdaTest.class);
      if (annotation.isPresent()) {
        return TestConfig.of(annotation.get());
      }
    }
    throw new ExtensionConfigurationException(testClass.getName() + " uses LambdaExtension without settings:"
        + " annotate it with @LambdaTest(modules = ...) or register LambdaExtension.builder()...build()");
  }

  /** What a test class started: its log session and client. */
  private record ClassState(Class<?> owner, TestLogSession session, LambdaClient client) {}

  /** Settings of a {@link LambdaExtension}; the defaults are {@link LambdaTest}'s. */
  public static final class Builder {
    private final List<String> modules = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private RuntimeMode mode = RuntimeMode.IN_PROCESS;
    private Duration functionTimeout = Duration.ofSeconds(30);
    private int memorySizeMb = 512;
    private boolean printLogs;
    private Gson gson = new Gson();
    private int maxConcurrency;

    private Builder() {}

    /** The application's Guice modules. */
    @SafeVarargs
    public final Builder modules(Class<? extends Module>... modules) {
      for (Class<? extends Module> module : modules) {
        this.modules.add(module.getName());
      }
      return this;
    }

    /** The application's Guice modules, by class name. */
    public Builder modules(String... classNames) {
      this.modules.addAll(Arrays.asList(classNames));
      return this;
    }

    /** An extra environment variable for the runtimes. */
    public Builder env(String name, String value) {
      env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** In this JVM (the default) or as child JVMs running the real {@code main}. */
    public Builder mode(RuntimeMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** JVM flags for child-process runtimes, like {@code -Xmx256m}. */
    public Builder jvmArgs(String... flags) {
      jvmArgs.addAll(Arrays.asList(flags));
      return this;
    }

    /** The function timeout; 30 s unless set. */
    public Builder functionTimeout(Duration timeout) {
      this.functionTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The memory size the runtime is told; 512 MB unless set. */
    public Builder memorySizeMb(int memorySizeMb) {
      this.memorySizeMb = memorySizeMb;
      return this;
    }

    /** {@code AWS_LAMBDA_MAX_CONCURRENCY} for the runtimes; unset unless set (see {@link LambdaTest#maxConcurrency}). */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** Also print log lines as they come. */
    public Builder printLogs(boolean print) {
      this.printLogs = print;
      return this;
    }

    /** The Gson that turns event objects into JSON and reads response bodies; a plain {@code new Gson()} unless set. */
    public Builder gson(Gson gson) {
      this.gson = Objects.requireNonNull(gson, "gson");
      return this;
    }

    public LambdaExtension build() {
      return new LambdaExtension(
          new TestConfig(modules, env, mode, functionTimeout, memorySizeMb, printLogs, gson, jvmArgs, maxConcurrency));
    }
  }
}
