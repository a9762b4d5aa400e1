package dev.lambdaguice.runtime.api;

import java.util.Arrays;

/**
 * The header fields of one answer, in the order received. Names compare case-insensitively; where a field is
 * repeated, {@link #get} gives the first value, as Go's {@code net/http} (the Runtime Interface Emulator's server)
 * does. Values are trimmed and decoded as UTF-8.
 */
final class ResponseHeaders {

  private String[] namesAndValues = new String[32];
  private int size; // fields, so namesAndValues holds 2 * size strings

  void add(String name, String value) {
    if (2 * size == namesAndValues.length) {
      namesAndValues = Arrays.copyOf(namesAndValues, namesAndValues.length * 2);
    }
    namesAndValues[2 * size] = name;
    namesAndValues[2 * size + 1] = value;
    size++;
  }

  /** The first value of the field {@code name}, or null. */
  String get(String name) {
    for (int i = 0; i < size; i++) {
      if (namesAndValues[2 * i].equalsIgnoreCase(name)) {
        return namesAndValues[2 * i + 1];
      }
    }
    return null;
  }

  /** True if some value of the field {@code name} has {@code token} in its comma-separated list. */
  boolean hasToken(String name, String token) {
    for (int i = 0; i < size; i++) {
      if (namesAndValues[2 * i].equalsIgnoreCase(name)) {
        for (String part : namesAndValues[2 * i + 1].split(",")) {
          if (part.trim().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Every value of the field {@code name}, in order. */
  String[] values(String name) {
    String[] values = new String[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (namesAndValues[2 * i].equalsIgnoreCase(name)) {
        values[n++] = namesAndValues[2 * i + 1];
      }
    }
    return Arrays.copyOf(values, n);
  }

  int size() {
    return size;
  }
}
