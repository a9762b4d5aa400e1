package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed responses through the local server: a fake runtime posts a streamed {@code /response} on a raw socket,
 * and the invoker reads it through {@link LocalLambda#invokeStreaming} or the streaming invoke endpoint.
 */
class StreamingResponseTest {

  private static final String STREAM_PATH = "/2021-11-15/functions/function/response-streaming-invocations";
  private static final String ERROR_JSON =
      "{\"errorType\":\"IllegalStateException\",\"errorMessage\":\"boom\",\"stackTrace\":[\"a.B.c(B.java:1)\"]}";

  private LocalLambda lambda;
  private StreamingFakeRuntime runtime;

  @BeforeEach
  void start() throws IOException {
    lambda = LocalLambda.start();
    runtime = new StreamingFakeRuntime(lambda);
  }

  @AfterEach
  void stop() throws IOException {
    runtime.close();
    lambda.close();
  }

  private CompletableFuture<StreamingInvocation> invokeStreaming(String event) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return lambda.invokeStreaming(event);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String read(InputStream body, int length) throws IOException {
    return new String(body.readNBytes(length), UTF_8);
  }

  @Test
  void theInvokerReadsTheFirstChunkBeforeTheRuntimeSendsTheRest() throws Exception {
    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    String requestId = runtime.next();
    StreamingFakeRuntime.Stream stream = runtime.stream(requestId, "text/plain");
    stream.write("first;");

    StreamingInvocation invocation = started.get(30, SECONDS);
    // the runtime writes the rest only after the invoker saw the first chunk: no latch could be passed otherwise
    assertEquals("first;", read(invocation.body(), 6));
    assertEquals(requestId, invocation.requestId());
    assertEquals("text/plain", invocation.contentType());
    assertTrue(invocation.streamed());

    stream.write("second");
    assertEquals(202, stream.end().status());
    assertEquals("second", new String(invocation.body().readAllBytes(), UTF_8));
    InvokeResult result = invocation.result();
    assertFalse(result.error());
    assertEquals(0, result.bodyLength(), "the streamed bytes went through body()");
  }

  @Test
  void theStreamingEndpointWritesEachChunkToTheCallerAsItArrives() throws Exception {
    try (RawHttp caller = new RawHttp(lambda.port())) {
      caller.send("POST " + STREAM_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n",
          "{}".getBytes(UTF_8));
      StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "application/x-ndjson");
      stream.write("{\"n\":1}\n");

      RawHttp.Response head = caller.readHead();
      assertEquals(200, head.status());
      assertEquals("chunked", head.header("Transfer-Encoding"));
      assertEquals("application/x-ndjson", head.header("Content-Type"));
      Map<String, String> trailers = new TreeMap<>();
      assertEquals("{\"n\":1}\n", new String(caller.readChunk(trailers), UTF_8), "before the runtime goes on");

      stream.write("{\"n\":2}\n");
      assertEquals("{\"n\":2}\n", new String(caller.readChunk(trailers), UTF_8));
      assertEquals(202, stream.end().status());
      assertNull(caller.readChunk(trailers));
      assertTrue(trailers.isEmpty(), "no error trailers on success: " + trailers);
    }
  }

  @Test
  void fiftyMegabytesPassWithTheServerHoldingOnlyItsSmallBuffers() throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, Long> before = serverThreadAllocations(threads);
    long total = 50L * 1024 * 1024;
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (byte) i;
    }

    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "application/octet-stream");
    CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
      try {
        for (long written = 0; written < total; written += chunk.length) {
          stream.write(chunk, chunk.length);
        }
        return stream.end().status();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    StreamingInvocation invocation = started.get(30, SECONDS);
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    for (int n; (n = invocation.body().read(buffer)) >= 0; read += n) {
      assertEquals((byte) (read % chunk.length), buffer[0], "bytes in order");
    }
    assertEquals(202, sent.get(60, SECONDS));
    assertEquals(total, read);
    assertFalse(invocation.result().error());

    long allocated = 0;
    for (Map.Entry<Long, Long> thread : serverThreadAllocations(threads).entrySet()) {
      allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    assertTrue(allocated < 4 * 1024 * 1024, "the server's threads allocated " + allocated + " bytes for a "
        + total + "-byte stream: they must hold no copy of it");
  }

  @Test
  void fiftyMegabytesPassThroughTheStreamingEndpointWithTheServerHoldingOnlyItsSmallBuffers() throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, Long> before = serverThreadAllocations(threads);
    long total = 50L * 1024 * 1024;
    byte[] chunk = new byte[64 * 1024];
    try (RawHttp caller = new RawHttp(lambda.port())) {
      caller.send("POST " + STREAM_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n",
          "{}".getBytes(UTF_8));
      StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "application/octet-stream");
      CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
        try {
          for (long written = 0; written < total; written += chunk.length) {
            stream.write(chunk, chunk.length);
          }
          return stream.end().status();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      assertEquals(200, caller.readHead().status());
      Map<String, String> trailers = new TreeMap<>();
      long read = 0;
      for (byte[] piece; (piece = caller.readChunk(trailers)) != null; ) {
        read += piece.length;
      }
      assertEquals(202, sent.get(60, SECONDS));
      assertEquals(total, read);
      assertTrue(trailers.isEmpty(), trailers.toString());
    }
    long allocated = 0;
    for (Map.Entry<Long, Long> thread : serverThreadAllocations(threads).entrySet()) {
      allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    assertTrue(allocated < 4 * 1024 * 1024, "the server's threads allocated " + allocated + " bytes for a "
        + total + "-byte stream: they must hold no copy of it");
  }

  /** Allocated bytes of each thread of the local server, by thread id. */
  private static Map<Long, Long> serverThreadAllocations(com.sun.management.ThreadMXBean threads) {
    Map<Long, Long> allocations = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("local-lambda")) {
        allocations.put(thread.getId(), threads.getThreadAllocatedBytes(thread.getId()));
      }
    }
    return allocations;
  }

  @Test
  void anErrorInTheTrailersIsTheInvocationsErrorAndTheRuntimeGoesOn() throws Exception {
    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "text/plain");
    stream.write("partial");
    StreamingInvocation invocation = started.get(30, SECONDS);
    assertEquals("partial", read(invocation.body(), 7));
    assertEquals(202, stream.fail("Runtime.UserException", ERROR_JSON).status());

    assertEquals(-1, invocation.body().read());
    InvokeResult result = invocation.result();
    assertTrue(result.error());
    assertEquals("Runtime.UserException", result.errorType());
    assertEquals(ERROR_JSON, result.bodyAsString());
    assertEquals("boom", result.errorMessage());

    CompletableFuture<InvokeResult> next = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    assertEquals(202, runtime.respond(runtime.next(), "served").status());
    assertEquals("served", next.get(30, SECONDS).bodyAsString());
  }

  @Test
  void theStreamingEndpointSendsATrailerErrorAsHttpTrailers() throws Exception {
    try (RawHttp caller = new RawHttp(lambda.port())) {
      caller.send("POST " + STREAM_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n",
          "{}".getBytes(UTF_8));
      StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "text/plain");
      stream.write("partial");
      RawHttp.Response head = caller.readHead();
      assertTrue(head.header("Trailer").contains("X-Amz-Function-Error"), head.headers().toString());
      Map<String, String> trailers = new TreeMap<>();
      assertEquals("partial", new String(caller.readChunk(trailers), UTF_8));
      stream.fail("Runtime.UserException", ERROR_JSON);

      assertNull(caller.readChunk(trailers));
      assertEquals("Unhandled", trailers.get("x-amz-function-error"));
      assertEquals("Runtime.UserException", trailers.get("lambda-runtime-function-error-type"));
      assertEquals(ERROR_JSON,
          new String(Base64.getDecoder().decode(trailers.get("lambda-runtime-function-error-body")), UTF_8));
    }
  }

  @Test
  void aBufferedInvokeCollectsTheStreamAndGetsItsError() throws Exception {
    CompletableFuture<InvokeResult> invoked = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "text/plain");
    stream.write("one,");
    stream.write("two");
    assertEquals(202, stream.end().status());
    InvokeResult whole = invoked.get(30, SECONDS);
    assertFalse(whole.error());
    assertEquals("one,two", whole.bodyAsString());
    assertEquals("text/plain", whole.contentType());

    invoked = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    stream = runtime.stream(runtime.next(), "text/plain");
    stream.write("partial");
    stream.fail("Runtime.UserException", ERROR_JSON);
    InvokeResult failed = invoked.get(30, SECONDS);
    assertTrue(failed.error());
    assertEquals("Runtime.UserException", failed.errorType());
    assertEquals(ERROR_JSON, failed.bodyAsString());
  }

  @Test
  void aBufferedInvokeOfAStreamOverSixMegabytesIsResponseSizeTooLarge() throws Exception {
    CompletableFuture<InvokeResult> invoked = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "application/octet-stream");
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 7 * 16; i++) { // 7 MiB
      stream.write(chunk, chunk.length);
    }
    assertEquals(202, stream.end().status());
    InvokeResult result = invoked.get(30, SECONDS);
    assertTrue(result.error());
    assertEquals("Function.ResponseSizeTooLarge", result.errorType());
  }

  @Test
  void aRuntimeThatClosesMidStreamEndsTheInvocationWithStreamAborted() throws Exception {
    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "text/plain");
    stream.write("partial");
    StreamingInvocation invocation = started.get(30, SECONDS);
    assertEquals("partial", read(invocation.body(), 7));
    stream.abort();

    assertEquals(-1, invocation.body().read());
    InvokeResult result = invocation.result();
    assertTrue(result.error());
    assertEquals(StreamRelay.STREAM_ABORTED, result.errorType());

    try (StreamingFakeRuntime fresh = new StreamingFakeRuntime(lambda)) {
      CompletableFuture<InvokeResult> next = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
      assertEquals(202, fresh.respond(fresh.next(), "served").status());
      assertEquals("served", next.get(30, SECONDS).bodyAsString());
    }
  }

  @Test
  void aStreamOverTwoHundredMebibytesIsCutOffWithResponseSizeTooLarge() throws Exception {
    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "application/octet-stream");
    StreamingInvocation invocation = started.get(30, SECONDS);
    invocation.close(); // a caller that went away: the stream goes on, unread, to the limit
    byte[] chunk = new byte[256 * 1024];
    IOException cutOff = null;
    try {
      for (long written = 0; written <= StreamRelay.MAX_STREAMED_BYTES; written += chunk.length) {
        stream.write(chunk, chunk.length);
      }
      stream.write(chunk, chunk.length);
      assertEquals(413, stream.end().status());
    } catch (IOException e) {
      cutOff = e; // the server closed the connection after its 413, while the runtime still wrote
    }
    InvokeResult result = invocation.result();
    assertTrue(result.error(), "cut off: " + cutOff);
    assertEquals("Function.ResponseSizeTooLarge", result.errorType());
  }

  @Test
  void aBufferedAnswerToAStreamingInvokeIsOnePiece() throws Exception {
    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    assertEquals(202, runtime.respond(runtime.next(), "whole").status());
    StreamingInvocation invocation = started.get(30, SECONDS);
    assertFalse(invocation.streamed());
    assertEquals("text/plain", invocation.contentType());
    assertEquals("whole", new String(invocation.body().readAllBytes(), UTF_8));
    assertFalse(invocation.result().error());

    try (RawHttp caller = new RawHttp(lambda.port())) {
      caller.send("POST " + STREAM_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n",
          "{}".getBytes(UTF_8));
      assertEquals(202, runtime.respond(runtime.next(), "whole").status());
      RawHttp.Response head = caller.readHead();
      Map<String, String> trailers = new TreeMap<>();
      assertEquals("whole", new String(caller.readChunk(trailers), UTF_8));
      assertNull(caller.readChunk(trailers));
      assertEquals(200, head.status());
    }
  }

  @Test
  void anotherAnswerWhileStreamingIsRefused() throws Exception {
    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    String requestId = runtime.next();
    StreamingFakeRuntime.Stream stream = runtime.stream(requestId, "text/plain");
    stream.write("a");
    StreamingInvocation invocation = started.get(30, SECONDS); // the server has begun the stream
    assertEquals("a", read(invocation.body(), 1));
    try (RawHttp other = new RawHttp(lambda.port())) {
      assertEquals(403, other.post("/2018-06-01/runtime/invocation/" + requestId + "/error", "{}").status());
    }
    assertEquals(202, stream.end().status());
    assertEquals(-1, invocation.body().read());
    assertFalse(invocation.result().error());
  }

  @Test
  void theDeadlineEndsAnOpenStream() throws Exception {
    try (LocalLambda brief = LocalLambda.builder().functionTimeout(java.time.Duration.ofMillis(300)).start();
        StreamingFakeRuntime slow = new StreamingFakeRuntime(brief)) {
      CompletableFuture<StreamingInvocation> started = CompletableFuture.supplyAsync(() -> {
        try {
          return brief.invokeStreaming("{}");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      StreamingFakeRuntime.Stream stream = slow.stream(slow.next(), "text/plain");
      stream.write("first");
      StreamingInvocation invocation = started.get(30, SECONDS);
      if (invocation.streamed()) { // else a slow machine passed the deadline before the server saw the stream
        assertEquals("first", read(invocation.body(), 5));
      }
      // the runtime sends nothing more: the deadline ends the stream
      InvokeResult result = invocation.result();
      assertEquals("Sandbox.Timedout", result.errorType());
    }
  }

  @Test
  void aCallerThatGoesAwayDoesNotStopTheRuntime() throws Exception {
    StreamingFakeRuntime.Stream stream;
    try (RawHttp caller = new RawHttp(lambda.port())) {
      caller.send("POST " + STREAM_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n",
          "{}".getBytes(UTF_8));
      stream = runtime.stream(runtime.next(), "text/plain");
      stream.write("first");
      caller.readHead();
      caller.readChunk(new TreeMap<>());
    }
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 16; i++) { // more than the pipe holds: the server drops what nobody reads
      stream.write(chunk, chunk.length);
    }
    assertEquals(202, stream.end().status());

    CompletableFuture<InvokeResult> next = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    assertEquals(202, runtime.respond(runtime.next(), "served").status());
    assertEquals("served", next.get(30, SECONDS).bodyAsString());
  }

  @Test
  void aStreamForAnUnknownOrAnsweredInvocationIsRefusedAndTheConnectionServesOn() throws Exception {
    StreamingFakeRuntime.Stream stream = runtime.stream("no-such-id", "text/plain");
    stream.write("x");
    assertEquals(400, stream.end().status());

    CompletableFuture<InvokeResult> invoked = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    String requestId = runtime.next();
    assertEquals(202, runtime.respond(requestId, "done").status());
    stream = runtime.stream(requestId, "text/plain");
    stream.write("x");
    assertEquals(403, stream.end().status());
    assertEquals("done", invoked.get(30, SECONDS).bodyAsString());

    CompletableFuture<InvokeResult> next = lambda.invokeAsync("{}".getBytes(UTF_8), InvokeOptions.none());
    assertEquals(202, runtime.respond(runtime.next(), "served").status());
    assertEquals("served", next.get(30, SECONDS).bodyAsString());
  }

  @Test
  void closingTheLocalLambdaEndsAnOpenStream() throws Exception {
    CompletableFuture<StreamingInvocation> started = invokeStreaming("{}");
    StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "text/plain");
    stream.write("first");
    StreamingInvocation invocation = started.get(30, SECONDS);
    assertEquals("first", read(invocation.body(), 5));

    lambda.close();

    assertEquals(-1, invocation.body().read());
    try {
      // the runtime's connection closed first: the stream was aborted
      assertEquals(StreamRelay.STREAM_ABORTED, invocation.result().errorType());
    } catch (IllegalStateException closed) {
      // or the invocations were failed first: the local Lambda is closed
    }
  }

  @Test
  void theStreamingEndpointAnswersOtherMethodsWith405() throws Exception {
    try (RawHttp caller = new RawHttp(lambda.port())) {
      RawHttp.Response response = caller.get(STREAM_PATH);
      assertEquals(405, response.status());
      assertEquals("POST", response.header("Allow"));
    }
  }

  @Test
  void anErrorBeforeAnyByteIsAnsweredAsByTheBufferedEndpoint() throws Exception {
    try (RawHttp caller = new RawHttp(lambda.port())) {
      caller.send("POST " + STREAM_PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n",
          "{}".getBytes(UTF_8));
      String requestId = runtime.next();
      try (RawHttp post = new RawHttp(lambda.port())) {
        assertEquals(202, post.post("/2018-06-01/runtime/invocation/" + requestId + "/error", ERROR_JSON,
            "Lambda-Runtime-Function-Error-Type: Runtime.UserException").status());
      }
      RawHttp.Response response = caller.read();
      assertEquals("Unhandled", response.header("X-Amz-Function-Error"));
      assertEquals(ERROR_JSON, response.bodyAsString());
    }
  }
}
