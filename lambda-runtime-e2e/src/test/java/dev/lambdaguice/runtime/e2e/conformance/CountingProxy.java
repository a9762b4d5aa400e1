package dev.lambdaguice.runtime.e2e.conformance;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder that counts the connections a client opens, for servers that do not say which connection a
 * request came on. Bytes and half-closes pass through unchanged in both directions.
 */
final class CountingProxy implements Closeable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  CountingProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop, "counting-proxy-accept").start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  int connections() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (true) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        accepted.incrementAndGet();
        AtomicInteger open = new AtomicInteger(2);
        daemon(() -> pump(client, upstream, open), "counting-proxy-up").start();
        daemon(() -> pump(upstream, client, open), "counting-proxy-down").start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Copies until end of stream, then half-closes the other side; on an error, or when both ended, closes both. */
  private static void pump(Socket from, Socket to, AtomicInteger open) {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
      to.shutdownOutput();
      if (open.decrementAndGet() == 0) {
        closeBoth(from, to);
      }
    } catch (IOException e) {
      closeBoth(from, to);
    }
  }

  private static void closeBoth(Socket a, Socket b) {
    try {
      a.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    try {
      b.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
