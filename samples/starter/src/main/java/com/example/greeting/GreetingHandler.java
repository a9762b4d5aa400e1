package com.example.greeting;

import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import jakarta.inject.Inject;

/** Answers {@code {"name": "Ada"}} with {@code "Hello, Ada!"}. */
public final class GreetingHandler implements LambdaHandler<GreetingRequest, String> {

  @Inject
  GreetingHandler() {}

  @Override
  public String handle(GreetingRequest event, LambdaContext context) {
    if (event == null || event.name() == null || event.name().isBlank()) {
      // Fails the invocation with errorType java.lang.IllegalArgumentException.
      throw new IllegalArgumentException("the event has no name");
    }
    return "Hello, " + event.name() + "!";
  }
}
