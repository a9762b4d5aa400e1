package dev.lambdaguice.benchmarks.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Runtime API server on loopback, written for the benchmark: blocking sockets, HTTP/1.1 keep-alive, a thread per
 * connection. It hands out a fixed number of invocations of one event on {@code GET /runtime/invocation/next},
 * each with its own request id and every header the platform sends ({@code /next} blocks once all are out), and
 * records {@code POST /runtime/invocation/{id}/response}, {@code .../error} and {@code /runtime/init/error}.
 *
 * <p>The header bytes of every invocation are built up front. It timestamps ({@link System#nanoTime()}) the first
 * {@code /next}, each event as it starts sending it and each response once fully read; it checks that every
 * response is the expected answer byte for byte and that every request id is answered exactly once, without
 * {@code /error}. {@link #awaitDone} returns once every invocation is answered or at the first failure.
 */
public final class BenchServer implements AutoCloseable {

  private static final String NEXT = "GET /2018-06-01/runtime/invocation/next ";
  private static final String INVOCATION = "POST /2018-06-01/runtime/invocation/";
  private static final String INIT_ERROR = "POST /2018-06-01/runtime/init/error ";
  private static final byte[] ACCEPTED = ascii("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n"
      + "Content-Length: 16\r\n\r\n{\"status\":\"OK\"}\n");
  private static final byte[] NOT_FOUND = ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
  private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");
  private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:bench";
  private static final int MAX_FAILURES_KEPT = 20;
  private static final byte NEW = 0;
  private static final byte SENT = 1;
  private static final byte ANSWERED = 2;

  private final BenchEvent event;
  private final byte[][] nextHeaders;
  private final Map<String, Integer> indexById = new HashMap<>();
  private final long[] sentNanos;
  private final long[] answeredNanos;
  private final byte[] states;
  private final ServerSocket serverSocket;
  private final List<Socket> sockets = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch firstAnswer = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<String> failures = new ArrayList<>();
  private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
  private long firstNextNanos = -1;
  private int handedOut;
  private int answered;
  private int failureCount;
  private long cpuNanos;

  /** What the server saw: timestamps by invocation index (0 where none), failures, its own CPU time. */
  public record Served(long firstNextNanos, long[] sentNanos, long[] answeredNanos, int answered,
      int failureCount, List<String> failures, long cpuNanos) {}

  private BenchServer(BenchEvent event, int invocations) throws IOException {
    this.event = event;
    this.nextHeaders = new byte[invocations][];
    this.sentNanos = new long[invocations];
    this.answeredNanos = new long[invocations];
    this.states = new byte[invocations];
    long deadlineMs = System.currentTimeMillis() + TimeUnit.HOURS.toMillis(1);
    long idHigh = UUID.randomUUID().getMostSignificantBits();
    for (int i = 0; i < invocations; i++) {
      String id = new UUID(idHigh, 0x8000_0000_0000_0000L | i).toString();
      indexById.put(id, i);
      nextHeaders[i] = ascii("HTTP/1.1 200 OK\r\n"
          + "Content-Type: application/json\r\n"
          + "Lambda-Runtime-Aws-Request-Id: " + id + "\r\n"
          + "Lambda-Runtime-Deadline-Ms: " + deadlineMs + "\r\n"
          + "Lambda-Runtime-Invoked-Function-Arn: " + FUNCTION_ARN + "\r\n"
          + String.format("Lambda-Runtime-Trace-Id: Root=1-%08x-%024x;Parent=%016x;Sampled=0\r\n",
              deadlineMs / 1000, idHigh & 0xffff_ffff_ffffL | (long) i << 48, i)
          + "Content-Length: " + event.json().length + "\r\n\r\n");
    }
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** Starts a server that hands out {@code invocations} invocations of {@code event}. */
  public static BenchServer start(BenchEvent event, int invocations) throws IOException {
    BenchServer server = new BenchServer(event, invocations);
    Thread acceptor = new Thread(server::accept, "bench-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
  public String runtimeApi() {
    return serverSocket.getInetAddress().getHostAddress() + ":" + serverSocket.getLocalPort();
  }

  /** Waits until the first invocation is answered or one failed; false on timeout. */
  public boolean awaitFirstAnswer(long timeout, TimeUnit unit) throws InterruptedException {
    return firstAnswer.await(timeout, unit);
  }

  /** Waits until every invocation is answered or one failed; false on timeout. */
  public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
    return done.await(timeout, unit);
  }

  /** Stops serving: closes every connection and waits for the connection threads. */
  @Override
  public void close() throws InterruptedException {
    closed.countDown();
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    List<Thread> toJoin;
    synchronized (this) {
      for (Socket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      toJoin = List.copyOf(threads);
    }
    for (Thread thread : toJoin) {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  /** A copy of what the server saw; complete after {@link #close()}. */
  public synchronized Served served() {
    return new Served(firstNextNanos, sentNanos.clone(), answeredNanos.clone(), answered, failureCount,
        List.copyOf(failures), cpuNanos);
  }

  private void accept() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        Thread thread = new Thread(() -> serve(socket), "bench-server-connection");
        thread.setDaemon(true);
        synchronized (this) {
          if (closed.getCount() == 0) {
            socket.close();
            return;
          }
          sockets.add(socket);
          threads.add(thread);
        }
        thread.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    long cpuStart = threadBean.getCurrentThreadCpuTime();
    try (socket) {
      RequestReader in = new RequestReader(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] scratch = new byte[16 * 1024];
      String line;
      while ((line = in.requestLine()) != null) {
        in.headers();
        if (line.startsWith(NEXT)) {
          if (!next(out, scratch)) {
            return;
          }
        } else if (line.startsWith(INVOCATION)) {
          int slash = line.indexOf('/', INVOCATION.length());
          String id = slash < 0 ? "" : line.substring(INVOCATION.length(), slash);
          String rest = slash < 0 ? line : line.substring(slash);
          int length = in.body(out);
          long now = System.nanoTime();
          if (rest.startsWith("/response ")) {
            response(id, in.body, length, now);
          } else if (rest.startsWith("/error ")) {
            error(id, in.errorType, in.body, length);
          } else {
            fail("unexpected request: " + line);
          }
          out.write(ACCEPTED);
        } else if (line.startsWith(INIT_ERROR)) {
          int length = in.body(out);
          fail("init error " + in.errorType + ": " + new String(in.body, 0, Math.min(length, 500), ISO_8859_1));
          out.write(ACCEPTED);
        } else {
          in.body(out);
          fail("unexpected request: " + line);
          out.write(NOT_FOUND);
        }
      }
    } catch (IOException e) {
      // the connection was closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      long cpu = threadBean.getCurrentThreadCpuTime() - cpuStart;
      synchronized (this) {
        cpuNanos += cpu;
      }
    }
  }

  /**
   * Sends the next invocation, or waits until closed when all are out (then returns false). A runtime that asks
   * for more while some invocations are still unanswered a second later has missed them: that is a failure.
   */
  private boolean next(OutputStream out, byte[] scratch) throws IOException, InterruptedException {
    int index = take(System.nanoTime());
    if (index < 0) {
      if (!closed.await(1, TimeUnit.SECONDS)) {
        checkAllAnswered();
        closed.await();
      }
      return false;
    }
    byte[] header = nextHeaders[index];
    byte[] body = event.json();
    if (header.length + body.length <= scratch.length) {
      System.arraycopy(header, 0, scratch, 0, header.length);
      System.arraycopy(body, 0, scratch, header.length, body.length);
      markSent(index, System.nanoTime());
      out.write(scratch, 0, header.length + body.length);
    } else {
      markSent(index, System.nanoTime());
      out.write(header);
      out.write(body);
    }
    return true;
  }

  private synchronized int take(long now) {
    if (firstNextNanos < 0) {
      firstNextNanos = now;
    }
    return handedOut < nextHeaders.length ? handedOut++ : -1;
  }

  private synchronized void checkAllAnswered() {
    for (int i = 0; i < states.length; i++) {
      if (states[i] != ANSWERED) {
        fail("invocation " + i + " got no answer, and the runtime asked for the next one");
        return;
      }
    }
  }

  private synchronized void markSent(int index, long now) {
    sentNanos[index] = now;
    states[index] = SENT;
  }

  private synchronized void response(String id, byte[] body, int length, long now) {
    Integer index = indexById.get(id);
    if (index == null || states[index] != SENT) {
      fail(index == null ? "response for an unknown request id " + id
          : (states[index] == NEW ? "response before the event was sent, " : "second answer for ")
              + "invocation " + index + " (" + id + ")");
      return;
    }
    states[index] = ANSWERED;
    answeredNanos[index] = now;
    byte[] expected = event.answer();
    if (!Arrays.equals(body, 0, length, expected, 0, expected.length)) {
      fail("invocation " + index + " (" + id + "): the response is not the expected answer (" + length
          + " bytes, expected " + expected.length + "): " + new String(body, 0, Math.min(length, 200), ISO_8859_1));
      return;
    }
    firstAnswer.countDown();
    if (++answered == nextHeaders.length) {
      done.countDown();
    }
  }

  private synchronized void error(String id, String errorType, byte[] body, int length) {
    Integer index = indexById.get(id);
    if (index != null) {
      states[index] = ANSWERED;
    }
    fail("/error for invocation " + index + " (" + id + "): " + errorType + ": "
        + new String(body, 0, Math.min(length, 500), ISO_8859_1));
  }

  private synchronized void fail(String failure) {
    failureCount++;
    if (failures.size() < MAX_FAILURES_KEPT) {
      failures.add(failure);
    }
    firstAnswer.countDown();
    done.countDown();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(ISO_8859_1);
  }

  /** Reads HTTP/1.1 requests from one connection: request line, the few headers that matter, the body. */
  private static final class RequestReader {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private final byte[] line = new byte[8 * 1024];
    private int position;
    private int limit;
    private int lineLength;
    private int nameLength;
    byte[] body = new byte[16 * 1024];
    long contentLength;
    boolean chunked;
    boolean expectContinue;
    String errorType;

    RequestReader(InputStream in) {
      this.in = in;
    }

    /** The request line, or null at the end of the stream. */
    String requestLine() throws IOException {
      return readLine() ? new String(line, 0, lineLength, ISO_8859_1) : null;
    }

    void headers() throws IOException {
      contentLength = 0;
      chunked = false;
      expectContinue = false;
      errorType = null;
      while (true) {
        if (!readLine()) {
          throw new IOException("end of stream in the headers");
        }
        if (lineLength == 0) {
          return;
        }
        if (isHeader("content-length")) {
          contentLength = Long.parseLong(value());
        } else if (isHeader("transfer-encoding")) {
          chunked = value().equalsIgnoreCase("chunked");
        } else if (isHeader("expect")) {
          expectContinue = value().equalsIgnoreCase("100-continue");
        } else if (isHeader("lambda-runtime-function-error-type")) {
          errorType = value();
        }
      }
    }

    /** Reads the body into {@link #body} (after a {@code 100 Continue} if asked for) and returns its length. */
    int body(OutputStream out) throws IOException {
      if (expectContinue && (chunked || contentLength > 0)) {
        out.write(CONTINUE);
      }
      if (!chunked) {
        return readInto(0, Math.toIntExact(contentLength));
      }
      int length = 0;
      while (true) {
        if (!readLine()) {
          throw new IOException("end of stream in a chunked body");
        }
        String size = new String(line, 0, lineLength, ISO_8859_1);
        int semicolon = size.indexOf(';');
        int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (chunk == 0) {
          while (readLine() && lineLength > 0) {
            // trailers
          }
          return length;
        }
        length = readInto(length, chunk);
        readLine();
      }
    }

    private int readInto(int offset, int count) throws IOException {
      if (offset + count > body.length) {
        body = Arrays.copyOf(body, Math.max(offset + count, body.length * 2));
      }
      int done = Math.min(count, limit - position);
      System.arraycopy(buffer, position, body, offset, done);
      position += done;
      while (done < count) {
        int n = in.read(body, offset + done, count - done);
        if (n < 0) {
          throw new IOException("end of stream in a body");
        }
        done += n;
      }
      return offset + count;
    }

    private boolean readLine() throws IOException {
      lineLength = 0;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (lineLength == 0) {
              return false;
            }
            throw new IOException("end of stream in a line");
          }
        }
        byte b = buffer[position++];
        if (b == '\n') {
          if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
          }
          return true;
        }
        if (lineLength == line.length) {
          throw new IOException("line too long");
        }
        line[lineLength++] = b;
      }
    }

    private boolean isHeader(String lowerCaseName) {
      int n = lowerCaseName.length();
      if (lineLength <= n || line[n] != ':') {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (Character.toLowerCase(line[i]) != lowerCaseName.charAt(i)) {
          return false;
        }
      }
      nameLength = n;
      return true;
    }

    /** The value of the header line that {@link #isHeader} matched last. */
    private String value() {
      return new String(line, nameLength + 1, lineLength - nameLength - 1, ISO_8859_1).trim();
    }
  }
}
