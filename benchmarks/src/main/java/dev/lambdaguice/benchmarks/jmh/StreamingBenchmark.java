package dev.lambdaguice.benchmarks.jmh;

import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import dev.lambdaguice.runtime.api.StreamedResponse;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.runtime.guice.LambdaRuntime;
import dev.lambdaguice.runtime.guice.ResponseStream;
import dev.lambdaguice.runtime.guice.StreamingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 50 MiB response body streamed over loopback to a {@link StreamSink} that reads and discards it, per operation
 * (milliseconds per 50 MiB; bytes/s = 50 MiB ÷ that):
 * <ul>
 *   <li>{@code floor}: the same bytes written straight to a socket through its plain {@code OutputStream} in 64 KiB
 *       writes, as one fixed-length request, then its answer read: the cost of the socket and the sink alone;
 *   <li>{@code streamedResponse}: {@link RuntimeApiClient#streamResponse}, 64 KiB writes, {@code complete()};
 *   <li>{@code streamedResponseSmallWrites}: the same in 1 KiB writes (the 32 KiB chunk buffer at work);
 *   <li>{@code streamingHandlerLoop}: a whole invocation of a {@link StreamingHandler} through the real runtime
 *       (running on its own thread): {@code /next}, the handler writing 64 KiB blocks to its
 *       {@link ResponseStream}, the end of the stream, until the sink has read it all.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class StreamingBenchmark {

  static final int BODY_BYTES = 50 << 20;
  static final int BLOCK = 64 * 1024;

  /** Binds {@code stream} to a handler writing {@value #BODY_BYTES} bytes in 64 KiB blocks. */
  public static final class StreamModule extends AbstractModule {
    @Override
    protected void configure() {
      LambdaHandlers.bindStreaming(binder(), "stream").toInstance(new FiftyMebibytes());
    }
  }

  static final class FiftyMebibytes implements StreamingHandler<String> {
    private final byte[] block = filled(BLOCK);

    @Override
    public void handle(String event, ResponseStream out, LambdaContext context) throws IOException {
      for (int i = 0; i < BODY_BYTES / BLOCK; i++) {
        out.write(block);
      }
    }
  }

  private final byte[] block = filled(BLOCK);
  private final byte[] small = filled(1024);
  private StreamSink sink;
  private RuntimeApiClient client;
  private Socket floorSocket;
  private OutputStream floorOut;
  private InputStream floorIn;
  private byte[] floorHead;
  private Thread runtime;

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }

  @Setup(Level.Trial)
  public void start() throws IOException {
    sink = new StreamSink();
    client = new RuntimeApiClient("127.0.0.1:" + sink.port());
    floorSocket = new Socket();
    floorSocket.setTcpNoDelay(true);
    floorSocket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sink.port()));
    floorOut = floorSocket.getOutputStream();
    floorIn = floorSocket.getInputStream();
    floorHead = ("POST /floor HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    Map<String, String> env = Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + sink.port(),
        "LAMBDA_GUICE_MODULES", StreamModule.class.getName(), "AWS_LAMBDA_FUNCTION_NAME", "bench");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    runtime = new Thread(() -> LambdaRuntime.run(env, List.of("stream"), quiet), "bench-runtime");
    runtime.setDaemon(true);
    runtime.start();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    floorSocket.close();
    sink.close();
  }

  @Benchmark
  public long floor() throws IOException {
    floorOut.write(floorHead);
    for (int i = 0; i < BODY_BYTES / BLOCK; i++) {
      floorOut.write(block);
    }
    floorOut.flush();
    return readAnswer();
  }

  @Benchmark
  public int streamedResponse() throws IOException {
    StreamedResponse stream = client.streamResponse("bench", null, null);
    for (int i = 0; i < BODY_BYTES / BLOCK; i++) {
      stream.write(block, 0, BLOCK);
    }
    return stream.complete().status();
  }

  @Benchmark
  public int streamedResponseSmallWrites() throws IOException {
    StreamedResponse stream = client.streamResponse("bench", null, null);
    for (int i = 0; i < BODY_BYTES / small.length; i++) {
      stream.write(small, 0, small.length);
    }
    return stream.complete().status();
  }

  @Benchmark
  public long streamingHandlerLoop() throws InterruptedException {
    sink.invoke("\"go\"");
    sink.answered.acquire();
    return sink.lastBodyBytes();
  }

  /** Reads the sink's fixed 202 answer (its length is known: the bytes up to and with "{}"). */
  private long readAnswer() throws IOException {
    int braces = 0;
    long read = 0;
    while (braces < 2) {
      int c = floorIn.read();
      if (c < 0) {
        throw new IOException("the sink closed");
      }
      read++;
      if (c == '{' || c == '}') {
        braces++;
      }
    }
    return read;
  }
}
