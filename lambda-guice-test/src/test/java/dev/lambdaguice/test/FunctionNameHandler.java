package dev.lambdaguice.test;

import com.google.gson.JsonElement;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;

/** Answers the function's name and the GREETING environment variable the process sees. */
final class FunctionNameHandler implements LambdaHandler<JsonElement, String> {

  @Override
  public String handle(JsonElement event, LambdaContext context) {
    return context.functionName() + " " + System.getenv("GREETING");
  }
}
