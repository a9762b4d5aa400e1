package dev.lambdaguice.handlers.awscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguice.handlers.awscore.fixtures.AwsTestModule;
import dev.lambdaguice.handlers.awscore.fixtures.ContextSeen;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS's {@code Context} and {@code LambdaLogger} as an AWS handler sees them, on the real runtime. One key only: the
 * in-process functions of a test class share the root log handler, whose request ids are those of the function
 * started last.
 */
@LambdaTest(modules = AwsTestModule.class)
class AwsContextEndToEndTest {

  @Test
  void theContextCarriesTheInvocationAndTheFunction(LambdaClient lambda) {
    String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    Invocation result = lambda.invoke("context", "{}", InvokeOptions.none()
        .withTraceId(trace)
        .withTenantId("tenant-7")
        .withClientContext("{\"client\":{\"app_title\":\"Shop\",\"installation_id\":\"i-1\"},"
            + "\"custom\":{\"tier\":\"gold\"},\"env\":{\"platform\":\"Android\"}}")
        .withCognitoIdentity("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}"));
    ContextSeen seen = result.assertSuccess().bodyAs(ContextSeen.class);
    assertEquals(result.requestId(), seen.requestId());
    assertTrue(seen.remainingMs() > 0 && seen.remainingMs() <= 30_000, "remaining: " + seen.remainingMs());
    assertEquals("context", seen.functionName());
    assertEquals("$LATEST", seen.functionVersion());
    assertEquals(lambda.lambda("context").functionArn(), seen.invokedFunctionArn());
    assertEquals(512, seen.memoryMb());
    assertEquals("/aws/lambda/context", seen.logGroup());
    assertFalse(seen.logStream().isEmpty());
    assertEquals("id-1", seen.identityId());
    assertEquals("pool-1", seen.identityPoolId());
    assertEquals("Shop", seen.appTitle());
    assertEquals("i-1", seen.installationId());
    assertEquals(Map.of("tier", "gold"), seen.custom());
    assertEquals(Map.of("platform", "Android"), seen.environment());
    assertEquals("tenant-7", seen.tenantId());
    assertEquals(trace, seen.traceId());

    String logger = " INFO dev.lambdaguice.handlers.awscore.fixtures.ContextHandler ";
    for (String message : List.of("text line", "byte line", "info line")) {
      assertTrue(result.logs().stream().anyMatch(line -> line.contains(" " + result.requestId() + logger)
          && line.endsWith(message + " from the AWS handler")), message + ": " + result.logs());
    }
    assertFalse(result.logged("debug line"), "DEBUG is below the default level: " + result.logs());
  }

  @Test
  void withoutClientContextOrIdentityTheyAreNull(LambdaClient lambda) {
    ContextSeen seen = lambda.invoke("context", "{}").assertSuccess().bodyAs(ContextSeen.class);
    assertNull(seen.identityId());
    assertNull(seen.appTitle());
    assertNull(seen.custom());
    assertNull(seen.tenantId());
  }
}
