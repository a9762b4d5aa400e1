package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.guice.fixtures.StreamingModule;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streaming handlers served by the real loop against a raw Runtime API that reads chunks as they arrive. */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class StreamingLoopTest {

  private static final String MODULE = StreamingModule.class.getName();
  private static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
  private static final String ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

  private static JsonObject trailerJson(StreamingRuntimeApi.Post post) {
    String body = post.trailers().get(ERROR_BODY);
    assertNotNull(body, post.trailers().toString());
    return JsonParser.parseString(new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  @Test
  void theFirstChunkReachesTheServerBeforeTheHandlerReturns() throws Exception {
    StreamingModule.firstChunkRead = new CountDownLatch(1);
    StreamingModule.sawFirstChunkBeforeReturning = false;
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.onChunk(path -> StreamingModule.firstChunkRead.countDown()).invocation("r1", "\"go\"");
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(MODULE, "latched"));
      assertTrue(StreamingModule.sawFirstChunkBeforeReturning, "the handler ended before its first chunk arrived");
      StreamingRuntimeApi.Post post = api.post("r1");
      assertEquals("/2018-06-01/runtime/invocation/r1/response", post.path());
      assertEquals("streaming", post.header("Lambda-Runtime-Function-Response-Mode"));
      assertEquals("text/plain", post.header("Content-Type"));
      assertEquals("first chunk and the rest", post.text());
      assertEquals(2, post.chunks());
      assertTrue(post.trailers().isEmpty());
    }
  }

  @Test
  void fiftyMegabytesStreamWithFlatHeap() throws Exception {
    StreamingModule.bigAllocatedBytes.set(-1);
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "50").invocation("r2", "1");
      api.run(MODULE, "big");
      assertEquals(50L << 20, api.post("r1").bodyBytes());
      assertEquals(1L << 20, api.post("r2").bodyBytes());
      long allocated = StreamingModule.bigAllocatedBytes.get(); // of r2; r1's below
      assertTrue(allocated >= 0 && allocated < 1 << 20, "1 MiB stream allocated " + allocated + " bytes");
    }
    StreamingModule.bigAllocatedBytes.set(-1);
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "50");
      api.run(MODULE, "big");
      long allocated = StreamingModule.bigAllocatedBytes.get();
      // the runtime holds no copy: far below the 50 MiB streamed (the chunk buffer lives with the client)
      assertTrue(allocated >= 0 && allocated < 2 << 20, "50 MiB stream allocated " + allocated + " bytes");
    }
  }

  @Test
  void jsonLinesOfATypedEvent() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "{\"name\":\"ada\",\"times\":2}").invocation("r2", "[1]");
      api.run(MODULE, "greet-lines");
      StreamingRuntimeApi.Post post = api.post("r1");
      assertEquals("application/jsonl", post.header("Content-Type"));
      String[] lines = post.text().split("\n", -1);
      assertEquals(3, lines.length, post.text());
      assertEquals("ada", JsonParser.parseString(lines[0]).getAsJsonObject().get("hello").getAsString());
      assertEquals(1, JsonParser.parseString(lines[1]).getAsJsonObject().get("i").getAsInt());
      assertEquals("", lines[2]);
      StreamingRuntimeApi.Post invalid = api.post("r2"); // an event that does not fit: an ordinary error
      assertEquals("/2018-06-01/runtime/invocation/r2/error", invalid.path());
      assertEquals("Runtime.InvalidEvent", invalid.header(ERROR_TYPE));
    }
  }

  @Test
  void anExceptionAfterTheFirstByteArrivesAsTrailersAndTheNextInvocationIsServed() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "late").invocation("r2", "early");
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(MODULE, "fail"));
      StreamingRuntimeApi.Post late = api.post("r1");
      assertEquals("/2018-06-01/runtime/invocation/r1/response", late.path());
      assertEquals("partial", late.text());
      assertEquals("Runtime.UserException", late.trailers().get(ERROR_TYPE));
      JsonObject error = trailerJson(late);
      assertEquals("java.lang.IllegalStateException", error.get("errorType").getAsString());
      assertEquals("boom late", error.get("errorMessage").getAsString());
      assertTrue(error.getAsJsonArray("stackTrace").size() > 0);

      StreamingRuntimeApi.Post early = api.post("r2"); // nothing left before the throw: an ordinary /error
      assertEquals("/2018-06-01/runtime/invocation/r2/error", early.path());
      assertEquals("Runtime.UserException", early.header(ERROR_TYPE));
      JsonObject report = JsonParser.parseString(early.text()).getAsJsonObject();
      assertEquals("boom early", report.get("errorMessage").getAsString());
      assertEquals(2, api.posts.size(), api.posts.toString());
      assertEquals(0, api.post("r2").connection(), "the abandoned stream left the connection usable");
      assertTrue(api.logs().contains("boom late"), api.logs());
    }
  }

  @Test
  void anErrorAfterTheFirstByteIsReportedInTrailersThenTheRuntimeExits() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "error").invocation("r2", "late");
      assertEquals(LambdaRuntime.EXIT_FATAL_ERROR, api.run(MODULE, "fail"));
      StreamingRuntimeApi.Post post = api.post("r1");
      assertEquals("/2018-06-01/runtime/invocation/r1/error", post.path()); // "partial" was never flushed
      assertEquals("Runtime.FatalError", post.header(ERROR_TYPE));
      assertEquals(1, api.posts.size());
    }
  }

  @Test
  void theFunctionUrlPreludeGoesOutBeforeTheBody() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "\"x\"");
      api.run(MODULE, "url");
      StreamingRuntimeApi.Post post = api.post("r1");
      assertEquals("application/vnd.awslambda.http-integration-response", post.header("Content-Type"));
      String prelude = "{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\"},"
          + "\"cookies\":[\"a=1; Secure\",\"b=2\"]}";
      byte[] expected = (prelude + "\0\0\0\0\0\0\0\0body:\"x\"").getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(expected, post.body(), () -> Arrays.toString(post.body()));
    }
  }

  @Test
  void aStreamOverTheLimitEndsWithTrailersAndTheRuntimeGoesOn() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "\"x\"").invocation("r2", "\"y\"");
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(MODULE, "too-large"));
      StreamingRuntimeApi.Post post = api.post("r1");
      assertEquals(ResponseStream.MAX_BYTES, post.bodyBytes());
      assertEquals("Runtime.ResponseStreamTooLarge", post.trailers().get(ERROR_TYPE));
      assertEquals("Runtime.ResponseStreamTooLarge", trailerJson(post).get("errorType").getAsString());
      assertEquals("/2018-06-01/runtime/invocation/r2/response", api.post("r2").path());
      assertEquals("Runtime.ResponseStreamTooLarge", api.post("r2").trailers().get(ERROR_TYPE));
    }
  }

  @Test
  void aCallerThatGoesAwayIsLoggedOnceAndTheNextInvocationIsServed() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.closeAfterHeadOf("r1").invocation("r1", "50").invocation("r2", "1");
      assertEquals(LambdaRuntime.EXIT_PLATFORM_FAILED, api.run(MODULE, "big"));
      assertEquals(1L << 20, api.post("r2").bodyBytes());
      assertTrue(api.post("r2").connection() > api.post("r1").connection(), "a new connection after the break");
      String logs = api.logs();
      long warnings = logs.lines().filter(l -> l.contains("WARN")).count();
      assertEquals(1, warnings, logs);
      assertTrue(logs.contains("The response stream of invocation r1 broke"), logs);
    }
  }

  @Test
  void aHandlerThatWritesNothingSendsAnEmptyStream() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.invocation("r1", "\"x\"");
      api.run(MODULE, "empty");
      StreamingRuntimeApi.Post post = api.post("r1");
      assertEquals("/2018-06-01/runtime/invocation/r1/response", post.path());
      assertEquals("application/octet-stream", post.header("Content-Type"));
      assertEquals(0, post.bodyBytes());
    }
  }

  @Test
  void concurrentLoopsEachStreamOnTheirOwnConnectionAndEveryInvocationIsAnsweredOnce() throws Exception {
    try (StreamingRuntimeApi api = new StreamingRuntimeApi()) {
      api.env("AWS_LAMBDA_MAX_CONCURRENCY", "3");
      for (int i = 0; i < 12; i++) {
        api.invocation("r" + i, "{\"name\":\"n" + i + "\",\"times\":" + (i + 1) + "}");
      }
      api.run(MODULE, "greet-lines");
      assertEquals(12, api.posts.size(), api.posts.toString());
      for (int i = 0; i < 12; i++) {
        StreamingRuntimeApi.Post post = api.post("r" + i);
        assertEquals("/2018-06-01/runtime/invocation/r" + i + "/response", post.path());
        String[] lines = post.text().split("\n");
        assertEquals(i + 1, lines.length, post.text());
        assertTrue(lines[0].contains("\"n" + i + "\""), post.text());
      }
      // nothing went wrong but the planned stop: the 500 on /next
      assertTrue(api.logs().lines()
          .noneMatch(l -> l.contains(" WARN ") || (l.contains(" ERROR ") && !l.contains("/next"))), api.logs());
    }
  }
}
