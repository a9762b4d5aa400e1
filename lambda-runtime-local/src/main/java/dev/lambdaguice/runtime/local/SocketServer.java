package dev.lambdaguice.runtime.local;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server: one accepting thread and one pooled thread per connection, so that long polls block
 * only their own connection. {@link #close()} stops accepting first and then closes every open connection, which
 * is what a runtime sees when the platform goes away.
 */
final class SocketServer implements Closeable {

  /** Handles one request on its connection. */
  interface Handler {
    /**
     * Answers {@code request} on {@code connection}.
     *
     * @return false to close the connection, with or without having answered
     */
    boolean handle(HttpRequest request, HttpConnection connection) throws IOException;
  }

  private static final System.Logger LOG = System.getLogger(SocketServer.class.getName());

  private final ServerSocketChannel server;
  private final Handler handler;
  private final int maxBody;
  private final ExecutorService workers;
  private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  private SocketServer(ServerSocketChannel server, Handler handler, int maxBody, String name) {
    this.server = server;
    this.handler = handler;
    this.maxBody = maxBody;
    AtomicInteger count = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(runnable -> daemon(runnable, name + "-" + count.incrementAndGet()));
    this.acceptor = daemon(this::acceptLoop, name + "-accept");
  }

  /**
   * Binds {@code address} (port 0 picks a free port) and starts serving.
   *
   * @param maxBody largest request body kept; larger bodies are discarded and flagged
   */
  static SocketServer start(InetSocketAddress address, Handler handler, int maxBody, String name)
      throws IOException {
    ServerSocketChannel channel = ServerSocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(address, 128);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    SocketServer server = new SocketServer(channel, handler, maxBody, name);
    server.acceptor.start();
    return server;
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.socket().getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (true) {
      SocketChannel channel;
      try {
        channel = server.accept();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      } catch (IOException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.ERROR, "local Lambda server stopped accepting connections", e);
        }
        return;
      }
      HttpConnection connection = new HttpConnection(channel);
      open.add(connection);
      if (closed) {
        closeQuietly(connection);
        return;
      }
      try {
        workers.execute(() -> serve(connection));
      } catch (RejectedExecutionException e) {
        closeQuietly(connection);
      }
    }
  }

  private void serve(HttpConnection connection) {
    try {
      HttpRequest request;
      while (!closed && (request = connection.read(maxBody)) != null) {
        if (!handler.handle(request, connection) || !request.keepAlive() || connection.bodyPending()) {
          return;
        }
      }
    } catch (HttpConnection.BadRequest e) {
      try {
        connection.writeAndClose(HttpResponse.json(e.status, ErrorJson.of("InvalidRequest", e.getMessage())));
      } catch (IOException ignored) {
        // the client is gone
      }
    } catch (IOException e) {
      // the client went away, or close() closed the connection
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "local Lambda server failed to handle a request", e);
      try {
        connection.writeAndClose(
            HttpResponse.json(500, ErrorJson.of("InternalServerError", "local Lambda server bug: " + e)));
      } catch (IOException ignored) {
        // the client is gone
      }
    } finally {
      open.remove(connection);
      closeQuietly(connection);
    }
  }

  /** Stops accepting, then closes every open connection and interrupts the threads serving them. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (HttpConnection connection : open) {
      closeQuietly(connection);
    }
    workers.shutdownNow();
  }

  private static void closeQuietly(HttpConnection connection) {
    try {
      connection.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
