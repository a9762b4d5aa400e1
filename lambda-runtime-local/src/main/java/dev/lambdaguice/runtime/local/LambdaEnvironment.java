package dev.lambdaguice.runtime.local;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables Lambda gives a function's runtime. */
final class LambdaEnvironment {

  private LambdaEnvironment() {}

  /**
   * Lambda's variables for {@code config}, plus {@code AWS_LAMBDA_RUNTIME_API} and {@code _HANDLER}, then
   * {@code extra} (which wins).
   *
   * @param handler the handler key, or null to leave {@code _HANDLER} unset
   */
  static Map<String, String> of(FunctionConfig config, String runtimeApi, String handler,
      Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    if (handler != null) {
      env.put("_HANDLER", handler);
    }
    env.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memorySizeMb()));
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.functionName());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", config.logStreamName());
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", config.snapStart() ? "snap-start" : "on-demand");
    if (config.maxConcurrency() > 0) {
      env.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(config.maxConcurrency()));
    }
    env.put("AWS_REGION", config.region());
    env.put("AWS_DEFAULT_REGION", config.region());
    env.put("LAMBDA_TASK_ROOT", Path.of("").toAbsolutePath().toString());
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    env.putAll(extra);
    return Collections.unmodifiableMap(env);
  }
}
