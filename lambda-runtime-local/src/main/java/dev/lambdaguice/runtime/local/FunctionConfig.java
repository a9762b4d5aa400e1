package dev.lambdaguice.runtime.local;

import java.time.Duration;

/** The function a {@link LocalLambda} pretends to be, and how its server behaves. */
record FunctionConfig(
    String host,
    int port,
    String functionName,
    String region,
    String accountId,
    Duration functionTimeout,
    int memorySizeMb,
    Duration invokeTimeout,
    boolean recordRequests,
    String logStreamName,
    int maxConcurrency,
    boolean snapStart,
    Duration restoreDelay) {

  String functionArn() {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
  }
}
