package dev.lambdaguice.handlers.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP API's {@code rawQueryString}, {@code a=1&b=x%20y&a=2}, as names with all their decoded values. */
final class QueryString {

  private QueryString() {}

  static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = PercentDecoding.query(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : PercentDecoding.query(pair.substring(equals + 1));
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    values.replaceAll((name, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(values);
  }
}
