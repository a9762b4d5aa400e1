package dev.lambdaguice.runtime.local;

import static dev.lambdaguice.runtime.local.RuntimeCalls.NEXT;
import static dev.lambdaguice.runtime.local.RuntimeCalls.REQUEST_ID;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's HTTP/1.1 handling, byte by byte. */
class HttpWireTest {
  private LocalLambda lambda;

  @BeforeEach
  void start() throws Exception {
    lambda = LocalLambda.start();
  }

  @AfterEach
  void close() {
    lambda.close();
  }

  @Test
  void readsAChunkedBodyAfterAnsweringExpectContinue() throws Exception {
    CompletableFuture<InvokeResult> result = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    try (RawHttp runtime = new RawHttp(lambda.port())) {
      String requestId = runtime.get(NEXT).header(REQUEST_ID);
      runtime.send("POST /2018-06-01/runtime/invocation/" + requestId + "/response HTTP/1.1\r\n"
          + "Host: localhost\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
          + "Expect: 100-continue\r\n\r\n", new byte[0]);
      assertEquals(100, runtime.read().status());
      runtime.send("5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n", new byte[0]);
      assertEquals(202, runtime.read().status());
      assertEquals(404, runtime.get("/2018-06-01/runtime/invocation/x").status(),
          "the connection is still usable after a chunked body");
    }
    InvokeResult invoked = result.get(30, SECONDS);
    assertEquals("hello world", invoked.bodyAsString());
    assertEquals("text/plain", invoked.contentType());
  }

  @Test
  void aMalformedRequestIs400AndClosesTheConnection() throws Exception {
    try (RawHttp client = new RawHttp(lambda.port())) {
      client.send("NONSENSE\r\n\r\n", new byte[0]);
      assertEquals(400, client.read().status());
      assertTrue(client.closedByServer());
    }
  }

  @Test
  void aBadContentLengthIs400() throws Exception {
    try (RawHttp client = new RawHttp(lambda.port())) {
      client.send("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nContent-Length: -5\r\n\r\n", new byte[0]);
      assertEquals(400, client.read().status());
    }
  }

  @Test
  void anOversizedHeadIs431() throws Exception {
    try (RawHttp client = new RawHttp(lambda.port())) {
      client.send("GET " + NEXT + " HTTP/1.1\r\nX-Big: " + "a".repeat(HttpConnection.MAX_HEAD_BYTES) + "\r\n\r\n",
          new byte[0]);
      assertEquals(431, client.read().status());
    }
  }

  @Test
  void anHttp10RequestIsAnsweredAndClosed() throws Exception {
    try (RawHttp client = new RawHttp(lambda.port())) {
      client.send("GET /nothing HTTP/1.0\r\n\r\n", new byte[0]);
      RawHttp.Response response = client.read();
      assertEquals(404, response.status());
      assertEquals("close", response.header("Connection"));
      assertTrue(client.closedByServer());
    }
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    try (RawHttp client = new RawHttp(lambda.port())) {
      client.send("GET /nothing HTTP/1.1\r\nConnection: close\r\n\r\n", new byte[0]);
      assertEquals("close", client.read().header("Connection"));
      assertTrue(client.closedByServer());
    }
  }
}
