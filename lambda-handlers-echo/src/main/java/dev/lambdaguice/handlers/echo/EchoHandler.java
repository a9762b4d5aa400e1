package dev.lambdaguice.handlers.echo;

import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.RawResponse;

/**
 * Answers with the event's {@code body}, as JSON: {@code {"body": "hello world"}} gives {@code "hello world"}, and
 * {@code {"body": {"a": 1, "b": null}}} gives {@code {"a":1,"b":null}} (nulls kept). An event with no {@code body}
 * fails with {@link IllegalArgumentException}; an event that is not a JSON object fails with
 * {@code Runtime.InvalidEvent}.
 */
public final class EchoHandler implements LambdaHandler<JsonObject, RawResponse> {

  @Override
  public RawResponse handle(JsonObject event, LambdaContext context) {
    if (event == null || !event.has("body")) {
      throw new IllegalArgumentException(
          "The event has no \"body\" field; the echo handler expects {\"body\": \"hello world\"}");
    }
    return RawResponse.json(event.get("body").toString());
  }
}
