package dev.lambdaguice.runtime.api;

/**
 * The {@code host:port} of {@code AWS_LAMBDA_RUNTIME_API}: a host name, an IPv4 literal or a bracketed IPv6
 * literal, and an optional port (80 when absent). Nothing else is accepted: no scheme, path, query, user or
 * spaces, so a mistyped value fails at start-up instead of sending requests somewhere unexpected.
 *
 * @param host the host name or address literal (an IPv6 literal without its brackets)
 * @param port the TCP port, 1 to 65535
 * @param hostHeader the {@code Host} header value: the text as given
 */
record HostPort(String host, int port, String hostHeader) {

  static HostPort parse(String value) {
    String host;
    String port;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        throw invalid(value);
      }
      host = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw invalid(value);
      }
      port = rest.isEmpty() ? null : rest.substring(1);
      if (host.isEmpty() || !isIpv6Literal(host)) {
        throw invalid(value);
      }
    } else {
      int colon = value.indexOf(':');
      host = colon < 0 ? value : value.substring(0, colon);
      port = colon < 0 ? null : value.substring(colon + 1);
      if (host.isEmpty() || !isHostName(host)) {
        throw invalid(value);
      }
    }
    int number = 80;
    if (port != null) {
      if (port.isEmpty() || port.length() > 5 || !isDigits(port)) {
        throw invalid(value);
      }
      number = Integer.parseInt(port);
      if (number < 1 || number > 65535) {
        throw invalid(value);
      }
    }
    return new HostPort(host, number, value);
  }

  // Plain loops, not streams or lambdas: this runs in every cold start, where each lambda costs class spinning.

  private static boolean isHostName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6Literal(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ':' && c != '.' && Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String value) {
    return new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API is not a host:port: '" + value + "'");
  }
}
