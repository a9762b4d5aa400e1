package dev.lambdaguice.runtime.api;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
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
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP/1.1 server for byte sequences MockWebServer cannot produce: each request (read up to its
 * {@code Content-Length} body) gets the next queued answer, written byte for byte. Requests are recorded with the
 * index of the connection they came on. With no answer queued, the connection is closed without answering.
 */
final class RawHttpServer implements Closeable {

  /** One request as received: its connection index, its head bytes exactly as sent, and its body. */
  record Exchange(int connection, byte[] head, byte[] body) {
    String headText() {
      return new String(head, StandardCharsets.UTF_8);
    }

    String requestLine() {
      String text = headText();
      return text.substring(0, text.indexOf("\r\n"));
    }

    /** Every line of the head after the request line, without CRLF. */
    List<String> headerLines() {
      String[] lines = headText().split("\r\n");
      return List.of(lines).subList(1, lines.length);
    }
  }

  private record Answer(byte[] bytes, boolean close) {}

  private final ServerSocket server;
  private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile boolean closed;

  RawHttpServer() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::accept, "raw-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Queues an answer, written as the UTF-8 bytes of {@code raw}; the connection stays open. */
  RawHttpServer answer(String raw) {
    answers.add(new Answer(raw.getBytes(StandardCharsets.UTF_8), false));
    return this;
  }

  /** Queues an answer after which the server closes the connection. */
  RawHttpServer answerAndClose(String raw) {
    answers.add(new Answer(raw.getBytes(StandardCharsets.UTF_8), true));
    return this;
  }

  /** Queues an answer of exact bytes. */
  RawHttpServer answer(byte[] raw, boolean close) {
    answers.add(new Answer(raw.clone(), close));
    return this;
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private void accept() {
    int index = 0;
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      sockets.add(socket);
      int connection = index++;
      Thread thread = new Thread(() -> serve(socket, connection), "raw-http-" + connection);
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        byte[] head = readHead(in);
        if (head == null) {
          return;
        }
        byte[] body = in.readNBytes(contentLength(head));
        exchanges.add(new Exchange(connection, head, body));
        Answer answer = answers.poll(30, TimeUnit.SECONDS);
        if (answer == null) {
          return;
        }
        out.write(answer.bytes());
        out.flush();
        if (answer.close()) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server closed
    }
  }

  /** The request head up to and including CRLFCRLF, or null at end of stream before any byte. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  private static int contentLength(byte[] head) {
    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket socket : new ArrayList<>(sockets)) {
      socket.close();
    }
  }
}
