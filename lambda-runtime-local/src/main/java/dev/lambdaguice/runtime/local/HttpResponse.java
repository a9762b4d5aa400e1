package dev.lambdaguice.runtime.local;

import java.nio.charset.StandardCharsets;

/** An HTTP/1.1 response being built: status, headers and a body sent with a {@code Content-Length}. */
final class HttpResponse {
  private static final byte[] NO_BODY = new byte[0];

  private final int status;
  private final StringBuilder headers = new StringBuilder(256);
  private byte[] body = NO_BODY;

  HttpResponse(int status) {
    this.status = status;
  }

  /** A response with a JSON body. */
  static HttpResponse json(int status, byte[] json) {
    return new HttpResponse(status).body("application/json", json);
  }

  /** Adds a header; carriage returns and line feeds in the value become spaces. */
  HttpResponse header(String name, String value) {
    headers.append(name).append(": ").append(singleLine(value)).append("\r\n");
    return this;
  }

  HttpResponse body(String contentType, byte[] body) {
    this.body = body;
    return header("Content-Type", contentType);
  }

  byte[] body() {
    return body;
  }

  /** The status line and headers, ending with the empty line. */
  byte[] head(boolean close) {
    StringBuilder head = new StringBuilder(64 + headers.length())
        .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
        .append(headers)
        .append("Content-Length: ").append(body.length).append("\r\n");
    if (close) {
      head.append("Connection: close\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The status line and headers for a chunked body, ending with the empty line. */
  byte[] chunkedHead(boolean close) {
    StringBuilder head = new StringBuilder(64 + headers.length())
        .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
        .append(headers)
        .append("Transfer-Encoding: chunked\r\n");
    if (close) {
      head.append("Connection: close\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String singleLine(String value) {
    if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return value.replace('\r', ' ').replace('\n', ' ');
  }

  private static String reason(int status) {
    switch (status) {
      case 100: return "Continue";
      case 200: return "OK";
      case 202: return "Accepted";
      case 400: return "Bad Request";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 410: return "Gone";
      case 413: return "Request Entity Too Large";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      case 505: return "HTTP Version Not Supported";
      default: return "Status " + status;
    }
  }
}
