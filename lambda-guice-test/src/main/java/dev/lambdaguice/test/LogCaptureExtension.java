package dev.lambdaguice.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The extension behind {@link CaptureLogs}. */
public final class LogCaptureExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LogCaptureExtension.class);
  private static final String SESSION = "session";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (context.getStore(NAMESPACE).get(SESSION) == null) {
      context.getStore(NAMESPACE).put(SESSION, new Owned(context.getRequiredTestClass(), new TestLogSession(false)));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Owned owned = context.getStore(NAMESPACE).get(SESSION, Owned.class);
    if (owned != null && owned.owner() == context.getRequiredTestClass()) {
      context.getStore(NAMESPACE).remove(SESSION);
      owned.session().close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    session(context).beginTest();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    session(context).endTest(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CapturedLogs.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session(context).logs();
  }

  private static TestLogSession session(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(SESSION, Owned.class).session();
  }

  private record Owned(Class<?> owner, TestLogSession session) {}
}
