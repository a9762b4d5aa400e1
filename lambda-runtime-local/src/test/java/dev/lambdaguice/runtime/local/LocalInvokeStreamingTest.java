package dev.lambdaguice.runtime.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@code LocalMain --invoke} with a runtime that streams: stdout gets each chunk as it arrives. */
class LocalInvokeStreamingTest {

  private static final LocalOptions OPTIONS = LocalOptions.parse(List.of("--modules", "m", "--handler", "k",
      "--invoke", "-"), Map.of());

  /** Collects what is printed, and opens {@code firstSeen} once {@code first} was flushed to it. */
  private static final class Stdout extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CountDownLatch firstSeen = new CountDownLatch(1);

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
      if (bytes.toString(UTF_8).startsWith("first;")) {
        firstSeen.countDown();
      }
    }
  }

  /** A runtime that streams "first;", waits until stdout shows it, then streams the rest and ends as told. */
  private static RuntimeEntry streaming(Stdout stdout, boolean failAtEnd) {
    return (env, args) -> {
      String runtimeApi = env.get("AWS_LAMBDA_RUNTIME_API");
      try (StreamingFakeRuntime runtime =
          new StreamingFakeRuntime(Integer.parseInt(runtimeApi.substring(runtimeApi.lastIndexOf(':') + 1)))) {
        StreamingFakeRuntime.Stream stream = runtime.stream(runtime.next(), "text/plain");
        stream.write("first;");
        if (!stdout.firstSeen.await(30, SECONDS)) {
          return 9;
        }
        stream.write("second");
        if (failAtEnd) {
          stream.fail("Runtime.UserException", "{\"errorType\":\"E\",\"errorMessage\":\"late\",\"stackTrace\":[]}");
        } else {
          stream.end();
        }
        runtime.next(); // serves on until the local Lambda closes
      } catch (java.io.IOException e) {
        // the local Lambda closed
      }
      return 0;
    };
  }

  @Test
  void printsAStreamedResponseAsItArrives() throws Exception {
    Stdout stdout = new Stdout();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    int code = LocalInvoke.run(OPTIONS, streaming(stdout, false), "{}".getBytes(UTF_8),
        new PrintStream(stdout, true, UTF_8), new PrintStream(stderr, true, UTF_8));

    assertEquals(0, code, stderr.toString(UTF_8));
    assertEquals("first;second" + System.lineSeparator(), stdout.bytes.toString(UTF_8));
  }

  @Test
  void aMidStreamErrorFollowsThePrintedBytesOnStderr() throws Exception {
    Stdout stdout = new Stdout();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    int code = LocalInvoke.run(OPTIONS, streaming(stdout, true), "{}".getBytes(UTF_8),
        new PrintStream(stdout, true, UTF_8), new PrintStream(stderr, true, UTF_8));

    assertEquals(LocalInvoke.FAILED, code);
    assertEquals("first;second" + System.lineSeparator(), stdout.bytes.toString(UTF_8));
    assertTrue(stderr.toString(UTF_8).contains("Runtime.UserException: late"), stderr.toString(UTF_8));
  }
}
