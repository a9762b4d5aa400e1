package dev.lambdaguice.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.e2e.fixtures.StreamingE2eModule;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.StreamingInvocation;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Response streaming end to end: the real runtime loop streams a {@code StreamingHandler}'s bytes over real HTTP to
 * {@code lambda-runtime-local}, which hands them to the caller as they arrive. No wall-time assertions: the order
 * of events is forced with a gate the handler waits for.
 */
@CaptureLogs
class StreamingEndToEndTest {

  private static final long FIFTY_MIB = 50L << 20;

  private LocalLambda lambda;
  private CapturedLogs logs;

  @BeforeEach
  void start(CapturedLogs logs) throws Exception {
    this.logs = logs;
    lambda = LocalLambda.start();
    lambda.inProcess().modules(StreamingE2eModule.class).handler("stream")
        .entry((env, args) -> LambdaRuntime.run(env, args, logs.output())).start();
  }

  @AfterEach
  void stop() {
    lambda.close();
  }

  /**
   * The handler cannot finish before the gate opens, and the test opens it only after it read the first line:
   * so the first chunk arrives before the handler ends, whether the whole stream is 1 KiB or 50 MiB.
   */
  @ParameterizedTest
  @ValueSource(longs = {1024, FIFTY_MIB})
  void theFirstChunkArrivesBeforeTheHandlerFinishesWhateverTheTotalSize(long bytes, @TempDir Path dir)
      throws Exception {
    Path gate = dir.resolve("gate");
    try (StreamingInvocation invocation = lambda.invokeStreaming(command("gated", gate, bytes))) {
      InputStream body = invocation.body();
      assertEquals("first", readLine(body));
      assertFalse(Files.exists(gate), "the handler is still waiting for its gate");
      assertTrue(invocation.streamed());
      assertEquals("text/plain", invocation.contentType());

      Files.createFile(gate);
      assertEquals(bytes + "\nend\n".length(), drain(body));
      InvokeResult result = invocation.result();
      assertFalse(result.error(), result::toString);
    }
  }

  @Test
  void fiftyMegabytesStreamWithFlatHeapOnBothSides() throws Exception {
    long readerBefore = allocatedBytes();
    String tail;
    long read;
    try (StreamingInvocation invocation = lambda.invokeStreaming(command("bulk", null, FIFTY_MIB))) {
      InputStream body = invocation.body();
      byte[] buffer = new byte[64 * 1024];
      ByteArrayOutputStream last = new ByteArrayOutputStream();
      read = 0;
      for (int n; (n = body.read(buffer)) != -1; read += n) {
        if (read + n > FIFTY_MIB) { // keep only what follows the filler: "\nallocated=<n>\n"
          int from = (int) Math.max(0, FIFTY_MIB - read);
          last.write(buffer, from, n - from);
        }
      }
      tail = last.toString(StandardCharsets.US_ASCII);
      assertFalse(invocation.result().error());
    }
    long readerAllocated = allocatedBytes() - readerBefore;

    assertTrue(tail.startsWith("\nallocated="), tail);
    assertEquals(FIFTY_MIB + tail.length(), read);
    long handlerAllocated = Long.parseLong(tail.strip().substring("allocated=".length()));
    // The handler's thread ran the runtime's chunk encoding; the test's thread read every byte. Neither kept a copy.
    assertTrue(handlerAllocated < 4 << 20, "the runtime allocated " + handlerAllocated + " bytes for 50 MiB");
    assertTrue(readerAllocated < 4 << 20, "the caller allocated " + readerAllocated + " bytes for 50 MiB");
  }

  @Test
  void anExceptionAfterTheFirstByteArrivesAsTrailersAndTheRuntimeGoesOnServing() throws Exception {
    try (StreamingInvocation invocation = lambda.invokeStreaming(command("fail-late", null, 0))) {
      assertTrue(invocation.streamed());
      assertEquals("partial", new String(invocation.body().readAllBytes(), StandardCharsets.UTF_8));
      InvokeResult result = invocation.result();
      assertTrue(result.error());
      assertEquals("Runtime.UserException", result.errorType());
      JsonObject report = JsonParser.parseString(result.bodyAsString()).getAsJsonObject();
      assertEquals("java.lang.IllegalStateException", report.get("errorType").getAsString());
      assertEquals("boom after the first byte", report.get("errorMessage").getAsString());
    }
    assertTrue(logs.contains("boom after the first byte"), logs.lines()::toString);

    try (StreamingInvocation next = lambda.invokeStreaming(command("fine", null, 0))) {
      assertEquals("ok", new String(next.body().readAllBytes(), StandardCharsets.UTF_8));
      assertFalse(next.result().error());
    }
    assertEquals(1, logs.containing("boom after the first byte").size(), logs.lines()::toString);
  }

  @Test
  void anExceptionBeforeTheFirstByteIsAnOrdinaryError() throws Exception {
    InvokeResult buffered = lambda.invoke(command("fail-early", null, 0));
    assertTrue(buffered.error());
    assertEquals("Runtime.UserException", buffered.errorType());
    assertEquals("boom before the first byte", buffered.errorMessage());

    try (StreamingInvocation invocation = lambda.invokeStreaming(command("fail-early", null, 0))) {
      assertFalse(invocation.streamed(), "nothing was streamed: the runtime posted /error");
      InvokeResult result = invocation.result();
      assertEquals("Runtime.UserException", result.errorType());
      assertEquals("boom before the first byte", result.errorMessage());
    }
    assertEquals(2, lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.ERROR).count());
    assertEquals(0, lambda.requests().stream().filter(r -> r.endpoint() == Endpoint.RESPONSE).count());
    assertEquals("ok", lambda.invoke(command("fine", null, 0)).bodyAsString(), "the runtime goes on serving");
  }

  @Test
  void aBufferedInvokeCollectsAStreamedResponse() throws Exception {
    InvokeResult result = lambda.invoke(command("bulk", null, 1 << 20));
    assertFalse(result.error(), result::toString);
    assertTrue(result.bodyAsString().contains("\nallocated="));
    assertEquals(1 << 20, result.bodyAsString().indexOf('\n'));
  }

  private static String command(String mode, Path gate, long bytes) {
    JsonObject command = new JsonObject();
    command.addProperty("mode", mode);
    if (gate != null) {
      command.addProperty("gate", gate.toString());
    }
    command.addProperty("bytes", bytes);
    return command.toString();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b == -1) {
        throw new IOException("the stream ended before a line: " + line);
      }
      line.append((char) b);
    }
    return line.toString();
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
    }
    return total;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
