package dev.lambdaguice.runtime.guice;

import java.util.Map;

/**
 * The function's configuration, as the Lambda environment variables give it. Read once at init.
 *
 * @param name {@code AWS_LAMBDA_FUNCTION_NAME}
 * @param version {@code AWS_LAMBDA_FUNCTION_VERSION}
 * @param memoryMb {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} in MB, or 0 when not set
 * @param logGroup {@code AWS_LAMBDA_LOG_GROUP_NAME}
 * @param logStream {@code AWS_LAMBDA_LOG_STREAM_NAME}
 * @param region {@code AWS_REGION}
 */
public record FunctionInfo(
    String name, String version, int memoryMb, String logGroup, String logStream, String region) {

  /** Reads the function's configuration from {@code env}; absent values are empty strings (memory 0). */
  public static FunctionInfo from(Map<String, String> env) {
    int memory;
    try {
      memory = Integer.parseInt(env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "0").trim());
    } catch (NumberFormatException e) {
      memory = 0;
    }
    return new FunctionInfo(
        env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", ""),
        env.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", ""),
        memory,
        env.getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", ""),
        env.getOrDefault("AWS_LAMBDA_LOG_STREAM_NAME", ""),
        env.getOrDefault("AWS_REGION", ""));
  }
}
