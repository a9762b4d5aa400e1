package dev.lambdaguice.handlers.servicecall;

/** Text for error messages. */
final class Messages {

  /** Longest caller-given name quoted in a message; longer ones are cut. */
  static final int MAX_QUOTED = 120;

  private Messages() {}

  /** A name the caller sent, in single quotes: cut to {@value #MAX_QUOTED} characters, control characters as '?'. */
  static String quote(String name) {
    StringBuilder quoted = new StringBuilder("'");
    int length = Math.min(name.length(), MAX_QUOTED);
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      quoted.append(Character.isISOControl(c) ? '?' : c);
    }
    return quoted.append(name.length() > MAX_QUOTED ? "...'" : "'").toString();
  }
}
