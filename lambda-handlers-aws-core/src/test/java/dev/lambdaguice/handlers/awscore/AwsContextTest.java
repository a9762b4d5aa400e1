package dev.lambdaguice.handlers.awscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.lambdaguice.runtime.guice.ClientContext;
import dev.lambdaguice.runtime.guice.FunctionInfo;
import dev.lambdaguice.runtime.guice.LambdaContext;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@link AwsContext} and {@link AwsLogger} where the end-to-end tests cannot reach: past deadlines, absent parts. */
class AwsContextTest {

  private static final FunctionInfo FUNCTION = new FunctionInfo("f", "1", 256, "/aws/lambda/f", "s", "eu-west-1");
  private static final AwsLogger LOGGER = new AwsLogger(Logger.getLogger(AwsContextTest.class.getName()));

  private static LambdaContext context(long deadlineMs, ClientContext client) {
    return new LambdaContext("r-1", deadlineMs, "arn:aws:lambda:eu-west-1:1:function:f", null, client, null, null,
        null, FUNCTION);
  }

  @Test
  void remainingTimeIsZeroOncePastTheDeadlineAndCappedAtIntRange() {
    assertEquals(0, new AwsContext(context(System.currentTimeMillis() - 5_000, null), LOGGER)
        .getRemainingTimeInMillis());
    assertEquals(Integer.MAX_VALUE, new AwsContext(context(Long.MAX_VALUE, null), LOGGER)
        .getRemainingTimeInMillis());
  }

  @Test
  void absentPartsAreNullAsInAwsRuntime() {
    AwsContext context = new AwsContext(context(Long.MAX_VALUE, null), LOGGER);
    assertNull(context.getClientContext());
    assertNull(context.getIdentity());
    assertNull(context.getTenantId());
    assertNull(context.getXrayTraceId());
    assertEquals(256, context.getMemoryLimitInMB());
    assertEquals("1", context.getFunctionVersion());

    ClientContext noClient = new ClientContext(null, null, Map.of("platform", "iPhoneOS"));
    com.amazonaws.services.lambda.runtime.ClientContext aws =
        new AwsContext(context(Long.MAX_VALUE, noClient), LOGGER).getClientContext();
    assertNull(aws.getClient());
    assertEquals(Map.of(), aws.getCustom());
    assertEquals(Map.of("platform", "iPhoneOS"), aws.getEnvironment());
  }

  @Test
  void awsLevelsMapToJavaUtilLoggingLevels() {
    assertEquals(Level.INFO, AwsLogger.level(LogLevel.UNDEFINED));
    assertEquals(Level.INFO, AwsLogger.level(null));
    assertEquals(Level.FINEST, AwsLogger.level(LogLevel.TRACE));
    assertEquals(Level.FINE, AwsLogger.level(LogLevel.DEBUG));
    assertEquals(Level.INFO, AwsLogger.level(LogLevel.INFO));
    assertEquals(Level.WARNING, AwsLogger.level(LogLevel.WARN));
    assertEquals(Level.SEVERE, AwsLogger.level(LogLevel.ERROR));
    assertEquals(Level.SEVERE, AwsLogger.level(LogLevel.FATAL));
  }
}
