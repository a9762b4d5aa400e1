package dev.lambdaguice.handlers.sqs;

import dev.lambdaguice.runtime.guice.FunctionInfo;
import dev.lambdaguice.runtime.guice.LambdaContext;
import java.util.UUID;

/** Invocation contexts for calling batch handlers directly, each with a new request id. */
final class Contexts {

  private Contexts() {}

  static LambdaContext next() {
    return new LambdaContext(UUID.randomUUID().toString(), System.currentTimeMillis() + 30_000,
        "arn:aws:lambda:us-east-1:123456789012:function:sqs", null, null, null, null, null,
        new FunctionInfo("sqs", "$LATEST", 512, "/aws/lambda/sqs", "stream", "us-east-1"));
  }
}
