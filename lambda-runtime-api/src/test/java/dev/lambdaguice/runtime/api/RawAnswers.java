package dev.lambdaguice.runtime.api;

import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 answers of the Runtime API, for {@link RawHttpServer}. */
final class RawAnswers {
  static final long DEADLINE = 1_542_409_706_888L;

  private RawAnswers() {}

  /** A {@code /next} answer with the two required headers, any extra header lines, and a fixed-length body. */
  static String invocation(String requestId, String body, String... extraHeaderLines) {
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n")
        .append("Lambda-Runtime-Aws-Request-Id: ").append(requestId).append("\r\n")
        .append("Lambda-Runtime-Deadline-Ms: ").append(DEADLINE).append("\r\n");
    for (String line : extraHeaderLines) {
      head.append(line).append("\r\n");
    }
    return head.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
        .append(body).toString();
  }

  /** A 202 with the platform's body. */
  static String accepted() {
    return "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}";
  }
}
