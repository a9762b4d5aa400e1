package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;

/** Turns a handler's result into response bytes: JSON by the injector's Gson, or a {@link RawResponse} as is. */
final class ResponseWriter {

  static final String JSON = "application/json";
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private final Gson gson;

  ResponseWriter(Gson gson) {
    this.gson = gson;
  }

  RawResponse write(Object result) {
    if (result instanceof RawResponse raw) {
      return raw;
    }
    if (result == null) {
      return new RawResponse(NULL, JSON);
    }
    return new RawResponse(gson.toJson(result).getBytes(StandardCharsets.UTF_8), JSON);
  }
}
