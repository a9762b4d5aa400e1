package dev.lambdaguice.handlers.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one of the four HTTP event shapes into a {@link RawRequest}. The source is told apart by fields only one
 * shape has: {@code requestContext.elb} (ALB), {@code version: "2.0"} with {@code rawPath} (HTTP API; a function URL
 * when {@code requestContext.domainName} has {@code .lambda-url.}), {@code httpMethod} with {@code path} (REST API).
 */
final class EventParser {

  private final String key;

  EventParser(String key) {
    this.key = key;
  }

  RawRequest parse(JsonObject event) throws InvalidHttpEventException {
    JsonObject context = object(event, "requestContext");
    if (context != null && context.has("elb")) {
      return alb(event, context);
    }
    if ("2.0".equals(string(event, "version")) && string(event, "rawPath") != null) {
      return v2(event, context);
    }
    if (string(event, "httpMethod") != null && string(event, "path") != null) {
      return rest(event, context);
    }
    throw new InvalidHttpEventException("The event of handler '" + key + "' is not an HTTP event: it has neither"
        + " requestContext.elb (Application Load Balancer), nor version \"2.0\" with rawPath (HTTP API, function"
        + " URL), nor httpMethod with path (REST API)");
  }

  private RawRequest rest(JsonObject event, JsonObject context) {
    Map<String, List<String>> headers = multiValued(event, "multiValueHeaders", "headers", false);
    return new RawRequest(HttpSource.REST_API, method(string(event, "httpMethod")), string(event, "path"),
        multiValued(event, "multiValueQueryStringParameters", "queryStringParameters", false), headers,
        Cookies.fromHeaders(headers.get("cookie")), body(event), string(context, "requestId"),
        string(object(context, "identity"), "sourceIp"), string(context, "stage"), false);
  }

  private RawRequest v2(JsonObject event, JsonObject context) throws InvalidHttpEventException {
    JsonObject http = object(context, "http");
    String method = string(http, "method");
    if (method == null) {
      throw new InvalidHttpEventException("The HTTP API event (version 2.0) of handler '" + key + "' has no"
          + " requestContext.http.method");
    }
    String domain = string(context, "domainName");
    HttpSource source = domain != null && domain.contains(".lambda-url.") ? HttpSource.FUNCTION_URL
        : HttpSource.HTTP_API;
    Map<String, List<String>> headers = headers(event);
    String rawQuery = string(event, "rawQueryString");
    Map<String, List<String>> query = rawQuery != null ? QueryString.parse(rawQuery)
        : multiValued(event, null, "queryStringParameters", false);
    JsonArray cookieArray = event.get("cookies") instanceof JsonArray array ? array : null;
    Map<String, String> cookies = cookieArray != null ? Cookies.fromList(cookieArray)
        : Cookies.fromHeaders(headers.get("cookie"));
    return new RawRequest(source, method(method), string(event, "rawPath"), query, headers, cookies, body(event),
        string(context, "requestId"), string(http, "sourceIp"), string(context, "stage"), false);
  }

  private RawRequest alb(JsonObject event, JsonObject context) throws InvalidHttpEventException {
    String method = string(event, "httpMethod");
    String path = string(event, "path");
    if (method == null || path == null) {
      throw new InvalidHttpEventException("The Application Load Balancer event of handler '" + key + "' has no "
          + (method == null ? "httpMethod" : "path"));
    }
    boolean multiValue = event.get("multiValueHeaders") instanceof JsonObject;
    Map<String, List<String>> headers = multiValued(event, "multiValueHeaders", "headers", false);
    // an ALB passes the query string as sent, percent-encoded; API Gateway decodes it
    return new RawRequest(HttpSource.ALB, method(method), path,
        multiValued(event, "multiValueQueryStringParameters", "queryStringParameters", true), headers,
        Cookies.fromHeaders(headers.get("cookie")), body(event), null, null, null, multiValue);
  }

  private static String method(String method) {
    return method.toUpperCase(Locale.ROOT);
  }

  /** The HTTP API's headers: one value per name (the API joins repeated headers with commas). */
  private static Map<String, List<String>> headers(JsonObject event) {
    return multiValued(event, null, "headers", false);
  }

  /**
   * The multi-value map {@code multiName} when the event has it, else the single-value map {@code singleName}, in
   * the event's order; for {@code headers}, with case-insensitive names. {@code decode}: percent-decode (ALB query).
   */
  private static Map<String, List<String>> multiValued(JsonObject event, String multiName, String singleName,
      boolean decode) {
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    JsonObject multi = multiName == null ? null : object(event, multiName);
    if (multi != null) {
      for (Map.Entry<String, JsonElement> entry : multi.entrySet()) {
        List<String> list = new ArrayList<>();
        if (entry.getValue() instanceof JsonArray array) {
          for (JsonElement value : array) {
            if (value.isJsonPrimitive()) {
              list.add(decode ? PercentDecoding.query(value.getAsString()) : value.getAsString());
            }
          }
        }
        ordered.put(decode ? PercentDecoding.query(entry.getKey()) : entry.getKey(), List.copyOf(list));
      }
    } else {
      JsonObject single = object(event, singleName);
      if (single != null) {
        for (Map.Entry<String, JsonElement> entry : single.entrySet()) {
          if (entry.getValue().isJsonPrimitive()) {
            String value = entry.getValue().getAsString();
            ordered.put(decode ? PercentDecoding.query(entry.getKey()) : entry.getKey(),
                List.of(decode ? PercentDecoding.query(value) : value));
          }
        }
      }
    }
    if (!singleName.equals("headers")) {
      return Collections.unmodifiableMap(ordered);
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(ordered);
    return Collections.unmodifiableMap(headers);
  }

  /** The body's bytes; empty when there is none; null when it is marked base64 but is not. */
  private static byte[] body(JsonObject event) {
    String body = string(event, "body");
    if (body == null) {
      return new byte[0];
    }
    JsonElement flag = event.get("isBase64Encoded");
    if (flag != null && flag.isJsonPrimitive() && flag.getAsBoolean()) {
      try {
        return Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        return null; // answered 400 once the request is routed
      }
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject object(JsonObject parent, String name) {
    return parent != null && parent.get(name) instanceof JsonObject object ? object : null;
  }

  private static String string(JsonObject parent, String name) {
    if (parent == null) {
      return null;
    }
    JsonElement value = parent.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }
}
