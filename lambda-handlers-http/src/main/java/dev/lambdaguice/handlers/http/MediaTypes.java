package dev.lambdaguice.handlers.http;

import java.util.Locale;

/** Content types and {@code Accept}: parsing enough of them to answer 406 and 415 sensibly. */
final class MediaTypes {

  private MediaTypes() {}

  /** {@code type/subtype} of a content type, lower case, parameters left out. */
  static String essence(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** {@code application/json} or any {@code application/*+json}. */
  static boolean isJson(String contentType) {
    String essence = essence(contentType);
    return essence.equals("application/json") || essence.startsWith("application/") && essence.endsWith("+json");
  }

  /** Whether a body of this type is text to send as it is (UTF-8), not base64. */
  static boolean isText(String contentType) {
    String essence = essence(contentType);
    String lower = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
    int charset = lower.indexOf("charset=");
    if (charset >= 0 && !lower.startsWith("utf-8", charset + 8)) {
      return false;
    }
    return essence.startsWith("text/") || essence.equals("application/json") || essence.equals("application/xml")
        || essence.equals("application/javascript") || essence.equals("application/x-www-form-urlencoded")
        || essence.endsWith("+json") || essence.endsWith("+xml");
  }

  /**
   * Whether {@code accept} (null or blank: anything) allows {@code contentType}: a range {@code *}{@code /*},
   * {@code type/*} or the exact type with a q-value above 0. A more specific range wins, so
   * {@code application/json;q=0, *}{@code /*} refuses JSON.
   */
  static boolean accepts(String accept, String contentType) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String type = essence(contentType);
    String family = type.substring(0, Math.max(type.indexOf('/'), 0));
    int bestSpecificity = -1;
    double bestQ = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      int specificity = name.equals(type) ? 2 : name.equals(family + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
      if (specificity < 0 || specificity < bestSpecificity) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          try {
            q = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            q = 1;
          }
        }
      }
      bestSpecificity = specificity;
      bestQ = q;
    }
    return bestSpecificity >= 0 && bestQ > 0;
  }
}
