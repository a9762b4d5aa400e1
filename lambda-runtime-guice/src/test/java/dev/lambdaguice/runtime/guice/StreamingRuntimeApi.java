package dev.lambdaguice.runtime.guice;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;

/**
 * A raw Runtime API for streamed responses, on a {@link ServerSocket} and written apart from the client's codec:
 * {@code /next} hands out the queued events and then, once every one handed out was posted, answers 500 (which
 * stops the runtime); posts are read as they
 * arrive, chunk by chunk (a chunk listener sees each one while the handler may still run), with their trailers, and
 * answered 202. A chunked body is kept only up to {@link #KEPT_BYTES}, so a 50 MB stream passes through. The
 * runtime runs on the test's thread with its log lines kept in {@link #logs()}.
 */
final class StreamingRuntimeApi implements AutoCloseable {

  static final int KEPT_BYTES = 1 << 20;

  /** One post: its path, head lines, body (up to {@link #KEPT_BYTES}), total body bytes, chunk count, trailers. */
  record Post(int connection, String path, List<String> headers, byte[] body, long bodyBytes, int chunks,
      Map<String, String> trailers) {
    String header(String name) {
      for (String line : headers) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final ServerSocket server;
  private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
  final List<Post> posts = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream logOutput = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
  private volatile Consumer<String> onChunk = path -> {};
  private volatile String closeAfterHeadOf;
  private int handedOut; // guarded by this
  private final Map<String, String> env = new HashMap<>();

  StreamingRuntimeApi() throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::accept, "streaming-api-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Queues an invocation. */
  StreamingRuntimeApi invocation(String requestId, String event) {
    events.add(new String[] {requestId, event});
    return this;
  }

  /** Called on the server's thread with the post's path each time one of its chunks was read whole. */
  StreamingRuntimeApi onChunk(Consumer<String> listener) {
    onChunk = listener;
    return this;
  }

  /** The streamed post of {@code requestId} has its connection closed right after its head: the caller went away. */
  StreamingRuntimeApi closeAfterHeadOf(String requestId) {
    closeAfterHeadOf = requestId;
    return this;
  }

  /** Adds an environment variable for {@link #run}. */
  StreamingRuntimeApi env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs the runtime until the queued events are served and {@code /next} answers 500; returns its exit code. */
  int run(String modules, String key) {
    Map<String, String> env = new HashMap<>(this.env);
    env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getLocalPort());
    env.put("LAMBDA_GUICE_MODULES", modules);
    env.put("AWS_LAMBDA_FUNCTION_NAME", "f");
    return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> LambdaRuntime.run(env, List.of(key), logOutput, Termination.NONE),
        "runtime did not stop");
  }

  String logs() {
    synchronized (logOutput) {
      return logBytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** The post to {@code requestId}'s {@code /response} or {@code /error}. */
  Post post(String requestId) {
    return posts.stream().filter(p -> p.path().contains("/invocation/" + requestId + "/")).findFirst()
        .orElseThrow(() -> new AssertionError("no post for " + requestId + " in " + posts));
  }

  private void accept() {
    int index = 0;
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int connection = index++;
        Thread thread = new Thread(() -> serve(socket, connection), "streaming-api-" + connection);
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String[] lines = head.split("\r\n");
        String path = lines[0].split(" ")[1];
        List<String> headers = List.of(lines).subList(1, lines.length);
        if (path.endsWith("/extension/event/next")) {
          return; // an extension without events: never answered
        }
        if (path.endsWith("/extension/register")) {
          drainFixed(in, headers);
          write(out, "HTTP/1.1 200 OK\r\nLambda-Extension-Identifier: ext\r\nContent-Length: 2\r\n\r\n{}");
          continue;
        }
        if (path.endsWith("/invocation/next")) {
          String[] event = events.poll();
          if (event == null) {
            awaitAllPosted(); // another loop may still be streaming: stop the runtime only after its post
            write(out, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\nstop");
            return;
          }
          synchronized (this) {
            handedOut++;
          }
          byte[] body = event[1].getBytes(StandardCharsets.UTF_8);
          write(out, "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: " + event[0]
              + "\r\nLambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 60_000)
              + "\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:123456789012:function:f"
              + "\r\nContent-Length: " + body.length + "\r\n\r\n" + event[1]);
          continue;
        }
        String gone = closeAfterHeadOf;
        if (gone != null && path.contains("/invocation/" + gone + "/")) {
          closeAfterHeadOf = null;
          posted(new Post(connection, path, headers, new byte[0], 0, 0, Map.of()));
          return;
        }
        posted(readPost(in, connection, path, headers));
        write(out, "HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n");
      }
    } catch (IOException | RuntimeException e) {
      // the runtime went away
    }
  }

  private synchronized void awaitAllPosted() throws IOException {
    long deadline = System.nanoTime() + 60_000_000_000L; // a hang guard only
    while (posts.size() < handedOut && System.nanoTime() < deadline) {
      try {
        wait(1_000);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }
  }

  private synchronized void posted(Post post) {
    posts.add(post);
    notifyAll();
  }

  private Post readPost(InputStream in, int connection, String path, List<String> headers) throws IOException {
    boolean chunked = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals("transfer-encoding: chunked"));
    if (!chunked) {
      byte[] body = drainFixed(in, headers);
      return new Post(connection, path, headers, body, body.length, 0, Map.of());
    }
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    Map<String, String> trailers = new HashMap<>();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int chunks = 0;
    while (true) {
      int size = Integer.parseInt(readLine(in), 16);
      if (size == 0) {
        String line;
        while (!(line = readLine(in)).isEmpty()) {
          int colon = line.indexOf(':');
          trailers.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return new Post(connection, path, headers, kept.toByteArray(), total, chunks, trailers);
      }
      int left = size;
      while (left > 0) {
        int n = in.read(buffer, 0, Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException("inside a chunk");
        }
        if (kept.size() < KEPT_BYTES) {
          kept.write(buffer, 0, Math.min(n, KEPT_BYTES - kept.size()));
        }
        left -= n;
      }
      if (!readLine(in).isEmpty()) {
        throw new IOException("chunk longer than its size");
      }
      total += size;
      chunks++;
      onChunk.accept(path);
    }
  }

  private static byte[] drainFixed(InputStream in, List<String> headers) throws IOException {
    for (String line : headers) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return in.readNBytes(Integer.parseInt(line.substring(15).trim()));
      }
    }
    return new byte[0];
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      head.append((char) c);
      int n = head.length();
      if (n >= 4 && head.charAt(n - 4) == '\r' && head.charAt(n - 3) == '\n' && head.charAt(n - 2) == '\r'
          && head.charAt(n - 1) == '\n') {
        return head.substring(0, n - 4);
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
        return line.substring(0, line.length() - 1); // without CR
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
