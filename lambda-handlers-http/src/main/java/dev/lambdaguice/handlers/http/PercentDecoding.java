package dev.lambdaguice.handlers.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding that never fails: a {@code %} not followed by two hex digits stays as it is, so a path that is
 * already decoded (a REST API's {@code path}) and holds a literal {@code %} comes through unchanged. Bytes are read
 * as UTF-8.
 */
final class PercentDecoding {

  private PercentDecoding() {}

  /** A path segment: {@code +} is a plus. */
  static String segment(String text) {
    return decode(text, false);
  }

  /** A query name or value: {@code +} is a space. */
  static String query(String text) {
    return decode(text, true);
  }

  private static String decode(String text, boolean plusIsSpace) {
    if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
        i++;
      } else {
        int end = i + Character.charCount(text.codePointAt(i));
        bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
