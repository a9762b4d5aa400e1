package dev.lambdaguice.handlers.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request cookies, from {@code Cookie} headers ({@code a=1; b=2}) or an HTTP API's {@code cookies} array. */
final class Cookies {

  private Cookies() {}

  static Map<String, String> fromHeaders(List<String> headers) {
    Map<String, String> cookies = new LinkedHashMap<>();
    if (headers != null) {
      for (String header : headers) {
        for (String pair : header.split(";")) {
          add(cookies, pair);
        }
      }
    }
    return Collections.unmodifiableMap(cookies);
  }

  static Map<String, String> fromList(JsonArray list) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (JsonElement pair : list) {
      if (pair.isJsonPrimitive()) {
        add(cookies, pair.getAsString());
      }
    }
    return Collections.unmodifiableMap(cookies);
  }

  private static void add(Map<String, String> cookies, String pair) {
    int equals = pair.indexOf('=');
    String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
    if (!name.isEmpty()) {
      cookies.putIfAbsent(name, equals < 0 ? "" : pair.substring(equals + 1).trim());
    }
  }
}
