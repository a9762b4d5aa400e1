package dev.lambdaguice.samples.bookshop;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response to API Gateway HTTP API (payload format 2.0), as {@link ApiHandler} answers it. */
public record HttpApiResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {

  /** A JSON text body with {@code content-type: application/json}. */
  public static HttpApiResponse json(int statusCode, String json) {
    return new HttpApiResponse(statusCode, Map.of("content-type", "application/json"), json, false);
  }

  /** This response with one more header, after the others. */
  public HttpApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpApiResponse(statusCode, more, body, isBase64Encoded);
  }
}
