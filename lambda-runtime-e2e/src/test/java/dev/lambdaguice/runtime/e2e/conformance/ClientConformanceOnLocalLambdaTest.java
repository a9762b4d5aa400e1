package dev.lambdaguice.runtime.e2e.conformance;

import java.io.IOException;

/** The client conformance scenarios against {@code LocalLambda}, the project's own platform. */
class ClientConformanceOnLocalLambdaTest extends ClientConformanceScenarios {
  @Override
  PlatformUnderTest startPlatform() throws IOException {
    return new LocalLambdaPlatform();
  }
}
