package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import dev.lambdaguice.runtime.api.Invocation;
import dev.lambdaguice.runtime.api.RuntimeApiHeaders;

/** Builds each invocation's {@link LambdaContext}; parses the mobile client context and identity when present. */
final class ContextFactory {

  private final FunctionInfo function;
  private final Gson gson = new Gson();

  ContextFactory(FunctionInfo function) {
    this.function = function;
  }

  LambdaContext create(Invocation invocation) throws InvalidHeaderException {
    return new LambdaContext(
        invocation.requestId(),
        invocation.deadlineMs(),
        invocation.functionArn(),
        invocation.traceId(),
        parse(invocation.clientContext(), ClientContext.class, RuntimeApiHeaders.CLIENT_CONTEXT),
        parse(invocation.cognitoIdentity(), CognitoIdentity.class, RuntimeApiHeaders.COGNITO_IDENTITY),
        invocation.tenantId(),
        invocation.invocationId(),
        function);
  }

  private <T> T parse(String json, Class<T> type, String header) throws InvalidHeaderException {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      T value = gson.fromJson(json, type);
      if (value == null) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return value;
    } catch (RuntimeException e) {
      throw new InvalidHeaderException("The " + header + " header is not a valid JSON object: " + e.getMessage(), e);
    }
  }
}
