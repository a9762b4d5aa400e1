package dev.lambdaguice.runtime.api;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * A raw HTTP/1.1 server that reads requests with fixed-length or chunked bodies, written independently of the
 * client's codec: it records each request's exact bytes, its chunk sizes and trailers, and keeps a chunked body
 * only up to {@link #KEPT_BYTES} (so 50 MB streams pass through without being held). Each request gets the next
 * queued answer, or {@code 202 {}} when none is queued; {@link #closeAfterHead()} makes it close the next
 * request's connection right after the head instead.
 */
final class ChunkedSinkServer implements Closeable {

  static final int KEPT_BYTES = 1 << 20;
  static final String ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
      + "{\"status\":\"OK\"}\n";

  /** One request: connection index, head text, the raw bytes after the head, chunk sizes, trailer lines. */
  record Request(int connection, String head, byte[] rawBody, long bodyBytes, List<Integer> chunks,
      List<String> trailers) {
    String requestLine() {
      return head.substring(0, head.indexOf("\r\n"));
    }

    List<String> headerLines() {
      String[] lines = head.split("\r\n");
      return List.of(lines).subList(1, lines.length);
    }

    /** The body as text: for a chunked one, its chunk framing and trailers as sent. */
    String rawText() {
      return new String(rawBody, StandardCharsets.ISO_8859_1);
    }
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile IntConsumer onChunk = size -> {};
  private volatile boolean closeAfterHead;

  ChunkedSinkServer() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::accept, "chunked-sink-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Queues the next answer; an empty one closes the connection instead. */
  ChunkedSinkServer answer(String raw) {
    answers.add(raw);
    return this;
  }

  /** Called on the server's thread with each chunk's size once the chunk was read whole. */
  ChunkedSinkServer onChunk(IntConsumer consumer) {
    onChunk = consumer;
    return this;
  }

  /** The next request's connection is closed right after its head was read. */
  ChunkedSinkServer closeAfterHead() {
    closeAfterHead = true;
    return this;
  }

  private void accept() {
    int index = 0;
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int connection = index++;
        Thread reader = new Thread(() -> serve(socket, connection), "chunked-sink-" + connection);
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        if (closeAfterHead) {
          closeAfterHead = false;
          requests.add(new Request(connection, head, new byte[0], 0, List.of(), List.of()));
          return;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        List<Integer> chunks = new ArrayList<>();
        List<String> trailers = new ArrayList<>();
        long bodyBytes = 0;
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
          while (true) {
            String sizeLine = readLine(in);
            keep(raw, sizeLine + "\r\n");
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
              String trailer;
              while (!(trailer = readLine(in)).isEmpty()) {
                trailers.add(trailer);
                keep(raw, trailer + "\r\n");
              }
              keep(raw, "\r\n");
              break;
            }
            byte[] buffer = new byte[8192];
            int left = size;
            while (left > 0) {
              int n = in.read(buffer, 0, Math.min(buffer.length, left));
              if (n < 0) {
                throw new EOFException("inside a chunk");
              }
              if (raw.size() < KEPT_BYTES) {
                raw.write(buffer, 0, n);
              }
              left -= n;
            }
            if (in.read() != '\r' || in.read() != '\n') {
              throw new IOException("chunk not followed by CRLF");
            }
            keep(raw, "\r\n");
            chunks.add(size);
            bodyBytes += size;
            onChunk.accept(size);
          }
        } else {
          int at = lower.indexOf("\r\ncontent-length: ");
          int length = at < 0 ? 0
              : Integer.parseInt(lower.substring(at + 18, lower.indexOf("\r\n", at + 2)).trim());
          raw.write(in.readNBytes(length));
          bodyBytes = length;
        }
        requests.add(new Request(connection, head, raw.toByteArray(), bodyBytes, chunks, trailers));
        String answer = answers.poll();
        if (answer != null && answer.isEmpty()) {
          return; // closes the connection without answering
        }
        out.write((answer == null ? ACCEPTED : answer).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client went away; nothing to do
    }
  }

  private static void keep(ByteArrayOutputStream raw, String text) {
    if (raw.size() < KEPT_BYTES) {
      raw.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** The head up to and with its blank line, or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return head.length() == 0 ? null : head.toString();
      }
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        return head.toString();
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("in a line");
      }
      if (c == '\n') {
        if (line.length() == 0 || line.charAt(line.length() - 1) != '\r') {
          throw new IOException("bare LF");
        }
        return line.substring(0, line.length() - 1);
      }
      line.append((char) c);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
