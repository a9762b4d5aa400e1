package dev.lambdaguice.runtime.guice;

import java.time.Duration;

/**
 * What a handler knows about the invocation it serves and the function it runs in.
 *
 * @param requestId the AWS request id of this invocation
 * @param deadlineMs epoch milliseconds at which Lambda stops the invocation
 * @param invokedFunctionArn the ARN used to invoke, with its version or alias qualifier if any
 * @param traceId the X-Ray trace header ({@code Root=...;Parent=...;Sampled=...}), or null
 * @param clientContext the mobile client context, or null
 * @param identity the Cognito identity, or null
 * @param tenantId the tenant of a function with tenant isolation, or null
 * @param invocationId the platform's {@code Lambda-Runtime-Invocation-Id}, or null
 * @param function the function's name, version, memory, log group and stream
 */
public record LambdaContext(
    String requestId,
    long deadlineMs,
    String invokedFunctionArn,
    String traceId,
    ClientContext clientContext,
    CognitoIdentity identity,
    String tenantId,
    String invocationId,
    FunctionInfo function) {

  /** Time left before the deadline; negative once it has passed. */
  public Duration remainingTime() {
    return Duration.ofMillis(remainingTimeMillis());
  }

  /** Milliseconds left before the deadline; negative once it has passed. */
  public long remainingTimeMillis() {
    return deadlineMs - System.currentTimeMillis();
  }

  /** {@code AWS_LAMBDA_FUNCTION_NAME}. */
  public String functionName() {
    return function.name();
  }

  /** {@code AWS_LAMBDA_FUNCTION_VERSION}. */
  public String functionVersion() {
    return function.version();
  }

  /** {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} in MB. */
  public int memoryLimitMb() {
    return function.memoryMb();
  }

  /** {@code AWS_LAMBDA_LOG_GROUP_NAME}. */
  public String logGroupName() {
    return function.logGroup();
  }

  /** {@code AWS_LAMBDA_LOG_STREAM_NAME}. */
  public String logStreamName() {
    return function.logStream();
  }
}
