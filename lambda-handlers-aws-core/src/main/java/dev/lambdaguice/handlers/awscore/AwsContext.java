package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * AWS's {@code Context} of one invocation, read from lambda-guice's {@link LambdaContext}. Every method has a
 * counterpart there. As in AWS's runtime: {@link #getRemainingTimeInMillis()} is 0 once the deadline has passed,
 * {@link #getIdentity()} and {@link #getClientContext()} are null when the caller sent none, and
 * {@link #getXrayTraceId()} and {@link #getTenantId()} are null when Lambda sent none. Function values Lambda's
 * environment does not set are empty strings (memory 0), as {@code LambdaContext} gives them.
 *
 * @param context the invocation's context
 * @param logger the handler's logger
 */
record AwsContext(LambdaContext context, LambdaLogger logger) implements Context {

  @Override
  public String getAwsRequestId() {
    return context.requestId();
  }

  @Override
  public String getLogGroupName() {
    return context.logGroupName();
  }

  @Override
  public String getLogStreamName() {
    return context.logStreamName();
  }

  @Override
  public String getFunctionName() {
    return context.functionName();
  }

  @Override
  public String getFunctionVersion() {
    return context.functionVersion();
  }

  @Override
  public String getInvokedFunctionArn() {
    return context.invokedFunctionArn();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return AwsCognitoIdentity.of(context.identity());
  }

  @Override
  public ClientContext getClientContext() {
    return AwsClientContext.of(context.clientContext());
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = context.remainingTimeMillis();
    return remaining <= 0 ? 0 : (int) Math.min(remaining, Integer.MAX_VALUE);
  }

  @Override
  public int getMemoryLimitInMB() {
    return context.memoryLimitMb();
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  @Override
  public String getTenantId() {
    return context.tenantId();
  }

  @Override
  public String getXrayTraceId() {
    return context.traceId();
  }
}
