package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.Gson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of {@link ResponseStream} that need no server (a stream that discards, as in priming). */
class ResponseStreamTest {

  private final ResponseStream out = new ResponseStream(null, new Gson());

  @Test
  void theContentTypeIsFixedByTheFirstByte() throws IOException {
    out.contentType("text/plain").write('x');
    assertThrows(IllegalStateException.class, () -> out.contentType("text/html"));
  }

  @Test
  void thePreludeMustComeFirstAndCountsAsBytes() throws IOException {
    out.httpResponse(200, Map.of(), List.of());
    assertEquals("{\"statusCode\":200,\"headers\":{},\"cookies\":[]}".length() + 8, out.bytesWritten());
    assertThrows(IllegalStateException.class, () -> out.httpResponse(200, Map.of(), List.of()));
  }

  @Test
  void bytesBeforeThePreludeAreAnError() throws IOException {
    out.writeText("body");
    assertThrows(IllegalStateException.class, () -> out.httpResponse(200, Map.of(), List.of()));
  }

  @Test
  void jsonLinesEndInANewline() throws IOException {
    out.writeJsonLine(Map.of("a", 1)).writeText("é");
    assertEquals("{\"a\":1}\n".length() + 2, out.bytesWritten());
  }

  @Test
  void closeIsHarmlessAndWritesGoOn() throws IOException {
    out.close();
    out.write(new byte[3]);
    out.flush();
    assertEquals(3, out.bytesWritten());
  }

  @Test
  void aWritePastTheLimitThrowsAndEveryLaterWriteToo() throws IOException {
    byte[] block = new byte[1 << 20];
    for (int i = 0; i < 200; i++) {
      out.write(block);
    }
    assertEquals(ResponseStream.MAX_BYTES, out.bytesWritten());
    assertThrows(IOException.class, () -> out.write(1));
    assertTrue(out.tooLarge());
    assertThrows(IOException.class, () -> out.write(new byte[1]));
  }
}
