package dev.lambdaguice.benchmarks.harness;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Random;

/**
 * The event every invocation of a run carries, and the answer an echo must give: the event's {@code body} as a
 * JSON string, byte for byte.
 *
 * @param name {@code small} or {@code large}
 * @param json the event, {@code {"body":"..."}}
 * @param answer the expected response body, {@code "..."}
 */
public record BenchEvent(String name, byte[] json, byte[] answer) {

  /** The size of the large event, in bytes. */
  public static final int LARGE_BYTES = 100 * 1024;

  /** {@code small} ({@code {"body":"hello world"}}) or {@code large} (a 100 KiB event). */
  public static BenchEvent named(String name) {
    return switch (name) {
      case "small" -> withBody(name, "hello world");
      case "large" -> withBody(name, largeBody());
      default -> throw new IllegalArgumentException("unknown event '" + name + "' (small, large)");
    };
  }

  private static BenchEvent withBody(String name, String body) {
    return new BenchEvent(name, ("{\"body\":\"" + body + "\"}").getBytes(UTF_8), ("\"" + body + "\"").getBytes(UTF_8));
  }

  /** Letters, digits and spaces only, so that every JSON writer gives back the same bytes; fixed seed. */
  private static String largeBody() {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     ";
    Random random = new Random(42);
    StringBuilder body = new StringBuilder();
    while (body.length() < LARGE_BYTES - "{\"body\":\"\"}".length()) {
      body.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return body.toString();
  }
}
