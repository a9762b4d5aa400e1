package dev.lambdaguice.benchmarks.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The echo of lambda-guice's {@code echo} handler written for AWS's runtime interface client: answers
 * {@code {"body":"hello world"}} with {@code "hello world"} (AWS's serializer writes the returned string as JSON).
 * Run with {@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda
 * dev.lambdaguice.benchmarks.aws.AwsEchoHandler::handleRequest}. Benchmarks only.
 */
public final class AwsEchoHandler implements RequestHandler<AwsEchoHandler.Event, String> {

  @Override
  public String handleRequest(Event event, Context context) {
    if (event == null || event.getBody() == null) {
      throw new IllegalArgumentException("The event has no \"body\" string");
    }
    return event.getBody();
  }

  /** The event: {@code {"body": "..."}}, read by AWS's serializer. */
  public static final class Event {
    private String body;

    public String getBody() {
      return body;
    }

    public void setBody(String body) {
      this.body = body;
    }
  }
}
