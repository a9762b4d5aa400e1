package dev.lambdaguice.samples.bookshop;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An HTTP API (payload format 2.0) event fixture, changed into the request a test needs. */
final class HttpApiEvent {

  private final JsonObject event;

  private HttpApiEvent(JsonObject event) {
    this.event = event;
  }

  /** The fixture {@code file}, as the request {@code method rawPath} with no query, path parameters or body. */
  static HttpApiEvent of(String file, String method, String rawPath) {
    JsonObject event = EventFixtures.json(file);
    JsonObject http = event.getAsJsonObject("requestContext").getAsJsonObject("http");
    http.addProperty("method", method);
    http.addProperty("path", rawPath);
    event.addProperty("rawPath", rawPath);
    event.addProperty("rawQueryString", "");
    event.remove("queryStringParameters");
    event.remove("pathParameters");
    event.remove("body");
    event.addProperty("isBase64Encoded", false);
    return new HttpApiEvent(event);
  }

  /** The {@code $default} route's fixture as this request. */
  static HttpApiEvent of(String method, String rawPath) {
    return of(EventFixtures.HTTP_SEARCH, method, rawPath);
  }

  HttpApiEvent query(String name, String value) {
    if (!event.has("queryStringParameters")) {
      event.add("queryStringParameters", new JsonObject());
    }
    event.getAsJsonObject("queryStringParameters").addProperty(name, value);
    String raw = event.get("rawQueryString").getAsString();
    event.addProperty("rawQueryString", (raw.isEmpty() ? "" : raw + "&") + name + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8));
    return this;
  }

  HttpApiEvent pathParameter(String name, String value) {
    if (!event.has("pathParameters")) {
      event.add("pathParameters", new JsonObject());
    }
    event.getAsJsonObject("pathParameters").addProperty(name, value);
    return this;
  }

  HttpApiEvent body(String body) {
    event.addProperty("body", body);
    event.addProperty("isBase64Encoded", false);
    return this;
  }

  HttpApiEvent base64Body(String body) {
    event.addProperty("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
    event.addProperty("isBase64Encoded", true);
    return this;
  }

  /** Sets the body as given, marked as base64. */
  HttpApiEvent encodedBody(String base64) {
    event.addProperty("body", base64);
    event.addProperty("isBase64Encoded", true);
    return this;
  }

  String json() {
    return event.toString();
  }
}
