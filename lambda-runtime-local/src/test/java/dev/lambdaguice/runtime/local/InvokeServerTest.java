package dev.lambdaguice.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvokeServerTest {
  @RegisterExtension
  final RuntimeLog log = new RuntimeLog();
  private final Map<String, LocalLambda> lambdas = new LinkedHashMap<>();
  private InvokeServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
    lambdas.values().forEach(LocalLambda::close);
  }

  @Test
  void routesEachNameToItsFunctionInThisJvm() throws Exception {
    LocalLambda a = lambda("a", Duration.ofSeconds(30));
    LocalLambda b = lambda("b", Duration.ofSeconds(30));
    a.inProcess().entry(FakeRuntime.loggingTo(log.stream())).handler("key-a").start();
    b.inProcess().entry(FakeRuntime.loggingTo(log.stream())).handler("key-b").start();
    server = InvokeServer.start("127.0.0.1", 0, Map.of("a", a, "b", b, "alias", a));

    try (RawHttp client = new RawHttp(server.invokeUri("a").getPort())) {
      assertEquals("key-a", client.post(server.invokeUri("a").getPath(), "args").bodyAsString());
      assertEquals("key-b", client.post(server.invokeUri("b").getPath(), "args").bodyAsString());
      assertEquals("key-a", client.post(server.invokeUri("alias").getPath(), "args").bodyAsString());
      assertEquals(404, client.post(server.invokeUri("c").getPath(), "args").status());
      assertEquals(404, client.post("/elsewhere", "{}").status());
    }
    assertEquals(2, a.requests().stream().filter(r -> r.endpoint() == Endpoint.RESPONSE).count(),
        "a's own runtime answered both through a's Runtime API");
    assertEquals(1, b.requests().stream().filter(r -> r.endpoint() == Endpoint.RESPONSE).count());
  }

  @Test
  void answers504WhenTheNamedFunctionDoesNotAnswerInTime() throws Exception {
    server = InvokeServer.start("127.0.0.1", 0, Map.of("slow", lambda("slow", Duration.ofMillis(200))));

    try (RawHttp client = new RawHttp(server.invokeUri("slow").getPort())) {
      RawHttp.Response response = client.post(server.invokeUri("slow").getPath(), "{}");
      assertEquals(504, response.status());
      assertTrue(response.bodyAsString().contains("no runtime took it"), response.bodyAsString());
    }
  }

  private LocalLambda lambda(String name, Duration invokeTimeout) throws Exception {
    LocalLambda lambda = LocalLambda.builder().functionName(name).invokeTimeout(invokeTimeout).start();
    lambdas.put(name, lambda);
    return lambda;
  }
}
