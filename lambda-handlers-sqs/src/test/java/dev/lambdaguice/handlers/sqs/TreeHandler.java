package dev.lambdaguice.handlers.sqs;

import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.guice.LambdaContext;

/** A record handler of JSON object bodies: fails those with {@code "fail": true}. */
public final class TreeHandler implements SqsRecordHandler<JsonObject> {

  @Override
  public void handle(JsonObject body, SqsMessage message, LambdaContext context) {
    Journal.add(message, context.requestId());
    if (body.has("fail") && body.get("fail").getAsBoolean()) {
      throw new IllegalStateException("asked to fail");
    }
  }
}
