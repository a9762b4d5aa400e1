package dev.lambdaguice.benchmarks.floor;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * The floor: the least a Java runtime can do to echo, with no libraries. One kept-alive socket to the Runtime
 * API; {@code GET /next}, read the request id and {@code Content-Length}, take the {@code "body"} string token of
 * {@code {"body":"..."}} as it is (it is already valid JSON) and {@code POST} it to {@code /response}. An event
 * without a string {@code body} is answered on {@code /error}. Runs until the connection closes.
 */
public final class FloorRuntime {

  private static final byte[] BODY_KEY = "\"body\"".getBytes(ISO_8859_1);

  private final String host;
  private final int port;
  private byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private byte[] body = new byte[64 * 1024];
  private byte[] request = new byte[64 * 1024];
  private final byte[] line = new byte[8 * 1024];
  private int lineLength;
  private int contentLength;

  /** A runtime for the Runtime API at {@code host:port}. */
  public FloorRuntime(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Serves the Runtime API at {@code AWS_LAMBDA_RUNTIME_API}. */
  public static void main(String[] args) throws IOException {
    String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
    int colon = api.lastIndexOf(':');
    new FloorRuntime(api.substring(0, colon), Integer.parseInt(api.substring(colon + 1))).run();
  }

  /** Serves invocations until the server closes the connection. */
  public void run() throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] next = ("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
          .getBytes(ISO_8859_1);
      while (true) {
        out.write(next);
        String requestId = readResponse(in);
        if (requestId == null) {
          return;
        }
        int start = stringToken(body, contentLength);
        if (start < 0) {
          post(out, requestId, "error", body, 0, 0);
        } else {
          post(out, requestId, "response", body, start, end(body, start, contentLength));
        }
        if (readResponse(in) == null) {
          return;
        }
      }
    }
  }

  /** Reads a response into {@link #body}; returns its request id ("" if none), or null at the end of the stream. */
  private String readResponse(InputStream in) throws IOException {
    if (!readLine(in)) {
      return null;
    }
    String requestId = "";
    contentLength = 0;
    while (readLine(in) && lineLength > 0) {
      String header = new String(line, 0, lineLength, ISO_8859_1);
      int colon = header.indexOf(':');
      String name = header.substring(0, colon);
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Integer.parseInt(header.substring(colon + 1).trim());
      } else if (name.equalsIgnoreCase("Lambda-Runtime-Aws-Request-Id")) {
        requestId = header.substring(colon + 1).trim();
      }
    }
    if (contentLength > body.length) {
      body = new byte[Math.max(contentLength, body.length * 2)];
    }
    int done = Math.min(contentLength, limit - position);
    System.arraycopy(buffer, position, body, 0, done);
    position += done;
    while (done < contentLength) {
      int n = in.read(body, done, contentLength - done);
      if (n < 0) {
        return null;
      }
      done += n;
    }
    return requestId;
  }

  private boolean readLine(InputStream in) throws IOException {
    lineLength = 0;
    while (true) {
      if (position == limit) {
        position = 0;
        limit = Math.max(in.read(buffer, 0, buffer.length), 0);
        if (limit == 0) {
          return false;
        }
      }
      byte b = buffer[position++];
      if (b == '\n') {
        lineLength -= lineLength > 0 && line[lineLength - 1] == '\r' ? 1 : 0;
        return true;
      }
      line[lineLength++] = b;
    }
  }

  private void post(OutputStream out, String requestId, String kind, byte[] payload, int from, int to)
      throws IOException {
    byte[] head = ("POST /2018-06-01/runtime/invocation/" + requestId + "/" + kind + " HTTP/1.1\r\nHost: " + host
        + "\r\nContent-Type: application/json\r\nContent-Length: " + (to - from) + "\r\n"
        + (kind.equals("error") ? "Lambda-Runtime-Function-Error-Type: Runtime.InvalidEvent\r\n" : "") + "\r\n")
        .getBytes(ISO_8859_1);
    int length = head.length + to - from;
    if (length > request.length) {
      request = new byte[Math.max(length, request.length * 2)];
    }
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(payload, from, request, head.length, to - from);
    out.write(request, 0, length);
  }

  /** The index of the opening quote of the string value of {@code "body"}, or -1. */
  private static int stringToken(byte[] json, int length) {
    for (int i = 0; i + BODY_KEY.length <= length; i++) {
      if (json[i] == '"' && Arrays.equals(json, i, i + BODY_KEY.length, BODY_KEY, 0, BODY_KEY.length)) {
        int j = i + BODY_KEY.length;
        while (j < length && (json[j] == ' ' || json[j] == '\t' || json[j] == '\n' || json[j] == '\r')) {
          j++;
        }
        if (j < length && json[j] == ':') {
          j++;
          while (j < length && (json[j] == ' ' || json[j] == '\t' || json[j] == '\n' || json[j] == '\r')) {
            j++;
          }
          return j < length && json[j] == '"' ? j : -1;
        }
      }
    }
    return -1;
  }

  /** The index just past the closing quote of the string token starting at {@code start}. */
  private static int end(byte[] json, int start, int length) {
    for (int i = start + 1; i < length; i++) {
      if (json[i] == '\\') {
        i++;
      } else if (json[i] == '"') {
        return i + 1;
      }
    }
    return length;
  }
}
