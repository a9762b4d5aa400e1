package dev.lambdaguice.runtime.e2e.conformance;

import java.io.IOException;

/** The client conformance scenarios against MockWebServer scripted as the platform (okhttp's server codec). */
class ClientConformanceOnMockWebServerTest extends ClientConformanceScenarios {
  @Override
  PlatformUnderTest startPlatform() throws IOException {
    return new MockWebServerPlatform();
  }
}
