package dev.lambdaguice.runtime.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal HTTP/1.1 client on one socket, for tests that need to control the connection: keep-alive, dropped
 * connections, and exact bytes on the wire. Reads time out after 30 s as a safety net.
 */
final class RawHttp implements Closeable {

  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyAsString() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(30_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  Response get(String path) throws IOException {
    send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
    return read();
  }

  Response post(String path, String body, String... headerLines) throws IOException {
    return post(path, body.getBytes(StandardCharsets.UTF_8), headerLines);
  }

  Response post(String path, byte[] body, String... headerLines) throws IOException {
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String line : headerLines) {
      head.append(line).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    send(head.toString(), body);
    return read();
  }

  /** Writes raw bytes: a head (with its blank line) and a body. */
  void send(String head, byte[] body) throws IOException {
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.flush();
  }

  /** Writes raw bytes: a head and the first {@code length} bytes of {@code body}, then flushes. */
  void send(String head, byte[] body, int length) throws IOException {
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.write(body, 0, length);
    out.flush();
  }

  /** Reads one response with a Content-Length body; EOFException if the server closed the connection first. */
  Response read() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new TreeMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("connection closed in the middle of a body");
    }
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
  }

  /** Reads a response's status line and headers only, for a chunked body read with {@link #readChunk}. */
  Response readHead() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new TreeMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, new byte[0]);
  }

  /**
   * Reads one chunk of a chunked body as it arrives; null after the last chunk, whose trailer fields (names in
   * lower case) are then put in {@code trailers}.
   */
  byte[] readChunk(Map<String, String> trailers) throws IOException {
    String sizeLine = line();
    int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
    if (size == 0) {
      for (String line = line(); !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      return null;
    }
    byte[] chunk = in.readNBytes(size);
    if (chunk.length < size || !line().isEmpty()) {
      throw new EOFException("bad chunk");
    }
    return chunk;
  }

  /** True when the server has closed the connection (reading gives end of stream). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed" + (line.size() > 0 ? " in the middle of a line" : ""));
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
  }
}
