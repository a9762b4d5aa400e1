package dev.lambdaguice.handlers.http;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link HttpResponse} in the shape its request's source expects:
 * <ul>
 *   <li>REST API: {@code statusCode}, {@code headers} (single values), {@code multiValueHeaders} (headers with more
 *       than one value, and {@code set-cookie}), {@code body}, {@code isBase64Encoded};
 *   <li>HTTP API and function URL: {@code statusCode}, {@code headers} (values joined with commas),
 *       {@code cookies}, {@code body}, {@code isBase64Encoded};
 *   <li>ALB: {@code statusCode}, {@code statusDescription}, then {@code multiValueHeaders} if the request came with
 *       them (multi-value headers on for the target group), else {@code headers} (only the first
 *       {@code set-cookie} fits), {@code body}, {@code isBase64Encoded}.
 * </ul>
 */
final class ResponseEncoder {

  private final Gson gson;

  ResponseEncoder(Gson gson) {
    this.gson = gson;
  }

  JsonObject encode(HttpResponse response, RawRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (response.contentType() != null) {
      headers.put("content-type", List.of(response.contentType()));
    }
    headers.putAll(response.headers());
    JsonObject out = new JsonObject();
    out.addProperty("statusCode", response.status());
    switch (request.source()) {
      case REST_API -> {
        JsonObject single = new JsonObject();
        JsonObject multi = new JsonObject();
        headers.forEach((name, values) -> {
          if (values.size() == 1) {
            single.addProperty(name, values.get(0));
          } else {
            multi.add(name, array(values));
          }
        });
        if (!response.cookies().isEmpty()) {
          multi.add("set-cookie", array(response.cookies()));
        }
        out.add("headers", single);
        if (!multi.isEmpty()) {
          out.add("multiValueHeaders", multi);
        }
      }
      case HTTP_API, FUNCTION_URL -> {
        out.add("headers", joined(headers));
        if (!response.cookies().isEmpty()) {
          out.add("cookies", array(response.cookies()));
        }
      }
      case ALB -> {
        out.addProperty("statusDescription", StatusLines.of(response.status()));
        if (request.multiValueHeaders()) {
          JsonObject multi = new JsonObject();
          headers.forEach((name, values) -> multi.add(name, array(values)));
          if (!response.cookies().isEmpty()) {
            multi.add("set-cookie", array(response.cookies()));
          }
          out.add("multiValueHeaders", multi);
        } else {
          JsonObject single = joined(headers);
          if (!response.cookies().isEmpty()) {
            single.addProperty("set-cookie", response.cookies().get(0));
          }
          out.add("headers", single);
        }
      }
    }
    body(response, out);
    return out;
  }

  private void body(HttpResponse response, JsonObject out) {
    if (!response.hasBody()) {
      out.addProperty("body", "");
      out.addProperty("isBase64Encoded", false);
    } else if (response.isJson()) {
      out.addProperty("body", gson.toJson(response.jsonValue()));
      out.addProperty("isBase64Encoded", false);
    } else if (MediaTypes.isText(response.contentType())) {
      out.addProperty("body", new String(response.bytes(), StandardCharsets.UTF_8));
      out.addProperty("isBase64Encoded", false);
    } else {
      out.addProperty("body", Base64.getEncoder().encodeToString(response.bytes()));
      out.addProperty("isBase64Encoded", true);
    }
  }

  private static JsonObject joined(Map<String, List<String>> headers) {
    JsonObject single = new JsonObject();
    headers.forEach((name, values) -> single.addProperty(name, String.join(",", values)));
    return single;
  }

  private static JsonArray array(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }
}
