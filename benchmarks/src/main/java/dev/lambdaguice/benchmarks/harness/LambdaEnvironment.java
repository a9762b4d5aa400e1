package dev.lambdaguice.benchmarks.harness;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every runtime of a run starts from: Lambda's variables, lambda-guice's modules, and nothing else
 * (each runtime then adds its handler, see {@link MeasuredRuntime#environment}).
 */
final class LambdaEnvironment {

  /** The modules of lambda-guice's echo runtime. */
  static final String MODULES = "dev.lambdaguice.handlers.echo.EchoHandlerModule";
  /** {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} on the whole machine; in a sandbox, its size. */
  static final int WHOLE_MACHINE_MEMORY_MB = 1024;

  private LambdaEnvironment() {}

  /** The environment for a runtime reaching the Runtime API at {@code runtimeApi}, in {@code mode}. */
  static Map<String, String> of(String runtimeApi, Path taskRoot, Mode mode) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("LANG", "C.UTF-8");
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("LAMBDA_GUICE_MODULES", MODULES);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        Integer.toString(mode.sandboxed() ? mode.sandbox().memoryMb() : WHOLE_MACHINE_MEMORY_MB));
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]bench");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    return env;
  }
}
