package dev.lambdaguice.samples.bookshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lambdaguice.runtime.guice.ResponseStream;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import dev.lambdaguice.test.StreamedInvocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code stock-export} streams through the real runtime loop and lambda-runtime-local: the function URL prelude
 * (status, headers, 8 NUL bytes), then one JSON line per book, read line by line as they arrive.
 */
@LambdaTest(modules = BookshopModule.class)
class StockExportTest {

  private static final String KEY = BookshopModule.STOCK_EXPORT_KEY;

  private static String request(String query) {
    return "{\"version\":\"2.0\",\"rawPath\":\"/\",\"rawQueryString\":\"" + query + "\","
        + "\"queryStringParameters\":{\"pause\":\"" + query.substring("pause=".length()) + "\"},"
        + "\"requestContext\":{\"http\":{\"method\":\"GET\"}}}";
  }

  @Test
  void everyBookIsAJsonLineAfterThePrelude(LambdaClient lambda) throws IOException {
    try (StreamedInvocation export = lambda.invokeStreaming(KEY, request("pause=1"))) {
      assertTrue(export.streamed());
      assertEquals(ResponseStream.HTTP_INTEGRATION_CONTENT_TYPE, export.contentType());
      JsonObject prelude = prelude(export.body());
      assertEquals(200, prelude.get("statusCode").getAsInt(), prelude.toString());
      assertEquals("application/x-ndjson",
          prelude.getAsJsonObject("headers").get("content-type").getAsString());

      JsonObject first = JsonParser.parseString(line(export.body())).getAsJsonObject();
      assertEquals("9780134685991", first.get("isbn").getAsString());
      assertEquals("Effective Java", first.get("title").getAsString());
      assertEquals(4499, first.get("priceCents").getAsLong());
      assertEquals(10, first.get("inStock").getAsInt());

      String[] rest = export.readRest().split("\n");
      assertEquals(SeedData.BOOKS.size() - 1, rest.length);
      JsonObject soldOut = JsonParser.parseString(rest[3]).getAsJsonObject();
      assertEquals("Domain-Driven Design", soldOut.get("title").getAsString());
      assertEquals(0, soldOut.get("inStock").getAsInt());
      export.assertSuccess();
    }
  }

  @Test
  void aBadPauseIsA400BeforeAnyLine(LambdaClient lambda) throws IOException {
    try (StreamedInvocation export = lambda.invokeStreaming(KEY, request("pause=soon"))) {
      JsonObject prelude = prelude(export.body());
      assertEquals(400, prelude.get("statusCode").getAsInt(), prelude.toString());
      JsonObject message = JsonParser.parseString(export.readRest()).getAsJsonObject();
      assertEquals("pause must be a whole number of milliseconds from 0 to 2000, not soon",
          message.get("message").getAsString());
      export.assertSuccess();
    }
  }

  @Test
  void aBufferedInvokeGetsTheWholeExport(LambdaClient lambda) {
    String body = lambda.invoke(KEY, request("pause=0")).assertSuccess().body();
    int nuls = body.indexOf("\0\0\0\0\0\0\0\0");
    assertTrue(nuls > 0, body);
    assertEquals(SeedData.BOOKS.size(), body.substring(nuls + 8).split("\n").length, body);
  }

  @Test
  void theReadmesStreamingCurlShowsWhatTheFunctionSends(LambdaClient lambda) throws IOException {
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    String curl = "curl -N -XPOST localhost:9000/2021-11-15/functions/" + KEY + "/response-streaming-invocations -d '";
    int at = IntStream.range(0, readme.size()).filter(i -> readme.get(i).startsWith(curl)).findFirst()
        .orElseThrow(() -> new AssertionError("README.md shows no " + curl));
    String event = readme.get(at).substring(curl.length(), readme.get(at).length() - 1);
    try (StreamedInvocation export = lambda.invokeStreaming(KEY, event)) {
      assertEquals(readme.get(at + 1).substring(2, readme.get(at + 1).indexOf("   <-")),
          prelude(export.body()).toString());
      assertEquals(readme.get(at + 2).substring(2), line(export.body()));
    }
  }

  @Test
  void theQuickStartStreamsTheSameExportAsThisReadme() throws IOException {
    String curl = "curl -N -XPOST localhost:9000/2021-11-15/functions/" + KEY + "/response-streaming-invocations";
    String sample = Files.readAllLines(Path.of("README.md")).stream().filter(line -> line.startsWith(curl))
        .findFirst().orElseThrow();
    assertTrue(Files.readAllLines(Path.of("../../README.md")).contains(sample),
        "the root README's quick start shows another streaming curl than " + sample);
  }

  /** Reads the function URL prelude: JSON up to eight NUL bytes. */
  private static JsonObject prelude(InputStream body) throws IOException {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    int nuls = 0;
    while (nuls < 8) {
      int b = body.read();
      assertTrue(b != -1, "the stream ended inside the prelude: " + json);
      if (b == 0) {
        nuls++;
      } else {
        assertEquals(0, nuls, "a NUL inside the prelude");
        json.write(b);
      }
    }
    return JsonParser.parseString(json.toString(StandardCharsets.UTF_8)).getAsJsonObject();
  }

  private static String line(InputStream body) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = body.read()) != '\n'; ) {
      assertTrue(b != -1, "the stream ended inside a line: " + line);
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
