package dev.lambdaguice.runtime.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The one kept-alive connection of a {@link RuntimeApiClient}: a blocking socket with {@code TCP_NODELAY}, opened on
 * first use and again after the server ended it. It has no thread of its own; everything happens on the caller's.
 *
 * <p>Before a request goes out on a connection that has been idle for more than {@link #IDLE_CHECK_NANOS} (a
 * handler ran meanwhile), {@link #open()} checks whether the server closed it (an end of stream is pending) and,
 * if so, opens a new one: nothing of the request was written yet, so sending it on the new connection sends it
 * once. Once a request was written, a failure is never retried here. The check is a non-blocking read, which
 * costs about 7 µs of system calls here; a {@code /next} right after a post, or the post of a handler that
 * answered within the millisecond, skips it: a server that ends a connection at once says so with
 * {@code Connection: close}, which the codec honours.
 */
final class RuntimeApiConnection implements AutoCloseable {

  /** Idle time after which a kept-alive connection is checked before it carries a request. */
  static final long IDLE_CHECK_NANOS = 1_000_000;

  private final String host;
  private final int port;
  private final int connectTimeoutMs;
  private final Http1Codec codec;
  private final ByteBuffer probe = ByteBuffer.allocate(1);
  private SocketChannel channel;
  private boolean used;
  private long idleSince;
  private boolean streaming;

  RuntimeApiConnection(String host, int port, int connectTimeoutMs, int maxHeaderBytes) {
    this.host = host;
    this.port = port;
    this.connectTimeoutMs = connectTimeoutMs;
    this.codec = new Http1Codec(maxHeaderBytes);
  }

  /** The codec of a connection ready for a request: the kept-alive one if it is still usable, or a new one. */
  Http1Codec open() throws IOException {
    if (streaming) {
      throw new IllegalStateException("A streamed response is open on this connection: complete, fail or abandon it"
          + " first");
    }
    if (channel != null && !reusable()) {
      close();
    }
    if (channel == null) {
      SocketChannel opened = SocketChannel.open();
      try {
        opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
        opened.socket().connect(new InetSocketAddress(host, port), connectTimeoutMs);
      } catch (IOException | RuntimeException e) {
        opened.close();
        throw e;
      }
      channel = opened;
      used = false;
      codec.attach(opened);
    }
    return codec;
  }

  /**
   * Ends an exchange: keeps the connection for the next request if its answer was read whole and allows it, and
   * closes it otherwise (a failure, {@code Connection: close}, HTTP/1.0, a body that ended with the connection).
   */
  void release() {
    if (streaming) {
      return; // the stream's exchange goes on across calls
    }
    if (codec.state() == Http1Codec.State.IDLE) {
      used = true;
      idleSince = System.nanoTime();
    } else {
      close();
    }
  }

  private boolean reusable() {
    if (!channel.isOpen() || codec.state() != Http1Codec.State.IDLE) {
      return false;
    }
    return !used || System.nanoTime() - idleSince <= IDLE_CHECK_NANOS || !endedByPeer();
  }

  /**
   * True when the server closed the idle connection, reset it, or sent bytes nobody asked for; a non-blocking read
   * tells without waiting.
   */
  private boolean endedByPeer() {
    try {
      channel.configureBlocking(false);
      try {
        return channel.read(probe.clear()) != 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) {
      return true;
    }
  }

  /** A streamed response holds the connection: {@link #open()} refuses, {@link #release()} waits for its end. */
  void startStream() {
    streaming = true;
  }

  /** The streamed response ended: {@link #release()} handles the connection again. */
  void endStream() {
    streaming = false;
  }

  /** The open socket, or null; for tests. */
  SocketChannel channel() {
    return channel;
  }

  /** Closes the connection, if open; the next {@link #open()} makes a new one. */
  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a socket: nothing left to do
      }
      channel = null;
    }
  }
}
