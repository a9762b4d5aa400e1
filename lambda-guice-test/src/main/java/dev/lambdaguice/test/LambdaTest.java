package dev.lambdaguice.test;

import com.google.inject.Module;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the application's Guice modules on {@code lambda-runtime-local}: each handler key a
 * test invokes through the injected {@link LambdaClient} becomes its own local function, started on first use with
 * the real runtime ({@code LambdaRuntime}) and shared by the class's tests. Log lines are kept per test and
 * printed only when the test fails.
 *
 * <pre>{@code
 * @LambdaTest(modules = GreetingModule.class)
 * class GreetingTest {
 *   @Test
 *   void greets(LambdaClient lambda) {
 *     Invocation result = lambda.invoke("greet", Map.of("name", "Ada"));
 *     assertEquals("Hello, Ada!", result.assertSuccess().bodyAs(String.class));
 *   }
 * }
 * }</pre>
 *
 * <p>For settings an annotation cannot hold (a custom {@code Gson}, a computed environment), register a
 * {@link LambdaExtension} built with {@link LambdaExtension#builder()} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LambdaExtension.class)
public @interface LambdaTest {

  /** The application's Guice modules, as the runtime gets them from {@code LAMBDA_GUICE_MODULES}. */
  Class<? extends Module>[] modules();

  /** Extra environment variables for the runtimes, each {@code NAME=value}. */
  String[] env() default {};

  /** In this JVM (the default, fast) or as a child JVM running the image's real {@code main}. */
  RuntimeMode mode() default RuntimeMode.IN_PROCESS;

  /** The function timeout, as configured on Lambda. */
  int timeoutSeconds() default 30;

  /** The function's memory size, as {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} tells the runtime. */
  int memorySizeMb() default 512;

  /**
   * {@code AWS_LAMBDA_MAX_CONCURRENCY} for the runtimes (Lambda Managed Instances): each polls that many invocations
   * at once, so invocations made from several test threads run concurrently. 0, the default, leaves it unset.
   */
  int maxConcurrency() default 0;

  /** Also print log lines as they come (they are kept either way, and printed when a test fails). */
  boolean printLogs() default false;
}
