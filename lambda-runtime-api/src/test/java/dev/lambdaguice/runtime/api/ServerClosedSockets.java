package dev.lambdaguice.runtime.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * A server socket factory for MockWebServer that records when the server closes each accepted connection, so a
 * test can wait until a connection is really closed on the server's side before the client's next call. Connection
 * {@code i} is the {@code i}-th accepted socket, which is MockWebServer's {@code getConnectionIndex()}.
 */
final class ServerClosedSockets extends ServerSocketFactory {

  private final List<TrackedSocket> accepted = new CopyOnWriteArrayList<>();

  /** Waits (bounded polling) until the server has closed connection {@code index}. */
  void awaitClosed(int index) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      if (accepted.size() > index && accepted.get(index).isClosed()) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the server did not close connection " + index + " (accepted " + accepted.size() + ")");
  }

  /** How many connections the server accepted so far. */
  int accepted() {
    return accepted.size();
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new TrackingServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new java.net.InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new java.net.InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new java.net.InetSocketAddress(address, port), backlog);
    return socket;
  }

  private final class TrackingServerSocket extends ServerSocket {
    TrackingServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      TrackedSocket socket = new TrackedSocket();
      implAccept(socket);
      accepted.add(socket);
      return socket;
    }
  }

  private static final class TrackedSocket extends Socket {
    private volatile boolean closedByServer;

    @Override
    public synchronized void close() throws IOException {
      super.close();
      closedByServer = true;
    }

    @Override
    public boolean isClosed() {
      return closedByServer || super.isClosed();
    }
  }
}
