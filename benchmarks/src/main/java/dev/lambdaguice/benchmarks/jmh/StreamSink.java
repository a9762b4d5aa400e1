package dev.lambdaguice.benchmarks.jmh;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A loopback HTTP/1.1 sink for {@link StreamingBenchmark}: reads each request's body (fixed-length or chunked) and
 * discards it, then answers 202. {@code GET .../invocation/next} waits for an event from {@link #invoke}; the end of
 * every post releases {@link #answered}. One thread per connection, 64 KiB reads, no library; the same for
 * every variant measured, so its cost is in each figure alike.
 */
final class StreamSink implements AutoCloseable {

  private static final byte[] ACCEPTED =
      "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  /** Released once per post read whole. */
  final Semaphore answered = new Semaphore(0);
  private volatile long lastBodyBytes;

  StreamSink() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::accept, "stream-sink-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Hands out {@code event} on the next {@code /next}. */
  void invoke(String event) {
    events.add(event);
  }

  long lastBodyBytes() {
    return lastBodyBytes;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread thread = new Thread(() -> serve(socket), "stream-sink");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true); // else Nagle and the peer's delayed ACK can hold an answer for 40 ms
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      OutputStream out = socket.getOutputStream();
      int id = 0;
      byte[] scratch = new byte[64 * 1024];
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("get ") && lower.contains("/invocation/next")) {
          String event = events.take();
          byte[] body = event.getBytes(StandardCharsets.UTF_8);
          byte[] nextHead = ("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: bench-" + id++
              + "\r\nLambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 900_000)
              + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
          byte[] answer = Arrays.copyOf(nextHead, nextHead.length + body.length);
          System.arraycopy(body, 0, answer, nextHead.length, body.length);
          out.write(answer); // one write: head and body in one segment
          out.flush();
          continue;
        }
        long bytes;
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
          bytes = 0;
          while (true) {
            long size = Long.parseLong(readLine(in), 16);
            if (size == 0) {
              while (!readLine(in).isEmpty()) {
                // trailers: none expected here
              }
              break;
            }
            discard(in, size, scratch);
            readLine(in);
            bytes += size;
          }
        } else {
          int at = lower.indexOf("\r\ncontent-length:");
          bytes = at < 0 ? 0 : Long.parseLong(lower.substring(at + 17, lower.indexOf("\r\n", at + 2)).trim());
          discard(in, bytes, scratch);
        }
        lastBodyBytes = bytes;
        out.write(ACCEPTED);
        out.flush();
        answered.release();
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client went away, or the sink closed
    }
  }

  /** Reads and drops {@code n} bytes, in reads of up to 64 KiB (InputStream.skip would read 2 KiB at a time). */
  private static void discard(InputStream in, long n, byte[] scratch) throws IOException {
    while (n > 0) {
      int read = in.read(scratch, 0, (int) Math.min(scratch.length, n));
      if (read < 0) {
        throw new EOFException("in a body");
      }
      n -= read;
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder(256);
    while (true) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      head.append((char) c);
      int n = head.length();
      if (n >= 4 && c == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
        return head.toString();
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(16);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("in a line");
      }
      if (c == '\n') {
        return line.substring(0, Math.max(0, line.length() - 1));
      }
      line.append((char) c);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
