package dev.lambdaguice.runtime.api;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection's socket options and life cycle, against a bare server socket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RuntimeApiConnectionTest {

  @Test
  void socketsHaveNagleOff() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        RuntimeApiConnection connection = new RuntimeApiConnection("127.0.0.1", server.getLocalPort(), 2_000, 1024)) {
      connection.open();
      try (Socket accepted = server.accept()) {
        // Without it, a large post waits for the server's delayed ACK (40 ms on Linux) between writes.
        assertTrue(connection.channel().getOption(StandardSocketOptions.TCP_NODELAY));
      }
    }
  }

  @Test
  void aFailedExchangeClosesTheConnectionAndTheNextOpenConnectsAgain() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        RuntimeApiConnection connection = new RuntimeApiConnection("127.0.0.1", server.getLocalPort(), 2_000, 1024)) {
      Http1Codec codec = connection.open();
      try (Socket first = server.accept()) {
        codec.start("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        codec.send();
        first.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab".getBytes());
        first.shutdownOutput();
        Http1Head head = codec.readHead();
        assertThrows(java.io.EOFException.class, () -> codec.readBody(head, 100, "body"));
        connection.release();
        assertNull(connection.channel(), "a half-read answer leaves the connection unusable");
      }
      connection.open();
      try (Socket second = server.accept()) {
        assertTrue(connection.channel().isOpen());
      }
    }
  }

  @Test
  void stepsOutOfOrderFailLoudly() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        RuntimeApiConnection connection = new RuntimeApiConnection("127.0.0.1", server.getLocalPort(), 2_000, 1024)) {
      Http1Codec codec = connection.open();
      assertThrows(IllegalStateException.class, codec::readHead, "no request was sent");
      assertThrows(IllegalStateException.class, () -> codec.send(), "no request was started");
    }
  }
}
