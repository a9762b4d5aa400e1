package dev.lambdaguice.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.lambdaguice.test.CaptureLogs;
import dev.lambdaguice.test.CapturedLogs;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client in a plain injector (no runtime): made at init, pre-connected, its pool evicted by the hook. */
@CaptureLogs
class SharedClientTest {

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Injector injector(HttpClientSettings settings) {
    return Guice.createInjector(Stage.PRODUCTION, new LambdaHttpClientModule(), new LambdaHttpClientModule(),
        new AbstractModule() {
          @Override
          protected void configure() {
            LambdaHttpClient.settings(binder()).toInstance(settings);
          }
        });
  }

  @Test
  void initPreconnectsTheConfiguredUrlsAndTheClientIsOneSingleton() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    Injector injector = injector(HttpClientSettings.defaults().withPreconnect(server.url("/health").toString()));
    RecordedHead head = new RecordedHead(server.takeRequest(10, TimeUnit.SECONDS));
    assertEquals("HEAD /health", head.line(), "pre-connected during init, before any call");
    assertSame(injector.getInstance(OkHttpClient.class), injector.getInstance(OkHttpClient.class));
    assertEquals(1, injector.getInstance(OkHttpClient.class).connectionPool().connectionCount());
  }

  @Test
  void aPreconnectThatFailsIsLoggedAndInitGoesOn(CapturedLogs logs) {
    String url = server.url("/down").toString();
    server.close();
    injector(HttpClientSettings.defaults().withPreconnect(url + "?token=secret", "not a url"))
        .getInstance(OkHttpClient.class);
    assertTrue(logs.contains("Could not pre-connect to " + url), logs.lines().toString());
    assertTrue(logs.contains("Could not pre-connect to 'not a url' (not an http(s) URL)"), logs.lines().toString());
    assertTrue(logs.containing("secret").isEmpty(), "the query is not logged: " + logs.lines());
  }

  @Test
  void theSnapStartHookEvictsThePooledConnections() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OkHttpClient client = injector(HttpClientSettings.defaults()).getInstance(OkHttpClient.class);
    try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertEquals("ok", response.body().string(), "outside an invocation the client works uncapped");
    }
    assertEquals(1, client.connectionPool().connectionCount());
    new EvictConnections(client).run();
    assertEquals(0, client.connectionPool().connectionCount());
  }

  private record RecordedHead(String line) {
    RecordedHead(mockwebserver3.RecordedRequest request) {
      this(request.getMethod() + " " + request.getUrl().encodedPath());
    }
  }
}
