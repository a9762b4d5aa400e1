package dev.lambdaguice.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** register and nextEvent of {@link ExtensionsApiClient} against a MockWebServer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ExtensionsApiClientTest {

  @RegisterExtension final MockPlatform platform = new MockPlatform(); // sets server
  MockWebServer server;

  private ExtensionsApiClient client() {
    return new ExtensionsApiClient(server.getHostName() + ":" + server.getPort());
  }

  @Test
  void registerPostsTheNameAndNoEventsAndReturnsTheIdentifier() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Lambda-Extension-Identifier", "ext-1")
        .body("{\"functionName\":\"f\",\"functionVersion\":\"$LATEST\",\"handler\":\"h\"}").build());

    assertEquals("ext-1", client().register("lambda-guice-shutdown"));

    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/2020-01-01/extension/register", request.getUrl().encodedPath());
    assertEquals("lambda-guice-shutdown", request.getHeaders().get("Lambda-Extension-Name"));
    assertEquals("{\"events\":[]}", request.getBody().utf8());
  }

  @Test
  void aRefusedRegistrationIsAnIOExceptionWithThePlatformsErrorType() {
    server.enqueue(new MockResponse.Builder().code(403)
        .body("{\"errorMessage\":\"Extension registration closed already\",\"errorType\":\"Extension.RegistrationClosed\"}")
        .build());

    IOException e = assertThrows(IOException.class, () -> client().register("x"));
    assertTrue(e.getMessage().contains("register answered 403") && e.getMessage().contains("RegistrationClosed"),
        e.getMessage());
  }

  @Test
  void aRegistrationWithoutAnIdentifierIsAnIOException() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    IOException e = assertThrows(IOException.class, () -> client().register("x"));
    assertTrue(e.getMessage().contains("without a Lambda-Extension-Identifier"), e.getMessage());
  }

  @Test
  void nextEventSendsTheIdentifierOnTheRegistrationsConnectionAndReturnsTheEvent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Lambda-Extension-Identifier", "ext-1").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"eventType\":\"INVOKE\"}").build());
    ExtensionsApiClient client = client();

    String id = client.register("x");
    assertEquals("{\"eventType\":\"INVOKE\"}", client.nextEvent(id));

    RecordedRequest register = server.takeRequest();
    RecordedRequest next = server.takeRequest();
    assertEquals("GET /2020-01-01/extension/event/next",
        next.getMethod() + " " + next.getUrl().encodedPath());
    assertEquals("ext-1", next.getHeaders().get("Lambda-Extension-Identifier"));
    assertEquals(register.getConnectionIndex(), next.getConnectionIndex(), "one kept-alive connection");
  }

  @Test
  void aRefusedNextEventIsAnIOException() {
    server.enqueue(new MockResponse.Builder().code(403)
        .body("{\"errorType\":\"Extension.UnknownExtensionIdentifier\"}").build());

    IOException e = assertThrows(IOException.class, () -> client().nextEvent("nope"));
    assertTrue(e.getMessage().contains("UnknownExtensionIdentifier"), e.getMessage());
  }
}
