package dev.lambdaguice.runtime.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.OutOfScopeException;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvocationScopeTest {

  /** Scoped: one per invocation. */
  @InvocationScoped
  static final class PerInvocation {}

  private final InvocationScope scope = new InvocationScope(false);
  private final Injector injector = Guice.createInjector(Stage.PRODUCTION,
      new RuntimeModule(FunctionInfo.from(Map.of()), scope), new AbstractModule() {
        @Override
        protected void configure() {
          bind(PerInvocation.class);
        }
      });
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() throws InterruptedException {
    scope.exit();
    other.shutdownNow();
    assertTrue(other.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static LambdaContext context(String requestId) {
    return new LambdaContext(requestId, Long.MAX_VALUE, "arn", "Root=1-a", null, null, "tenant-1", null,
        FunctionInfo.from(Map.of()));
  }

  @Test
  void anInvocationHasOneInstanceAndTheNextAnother() {
    scope.enter("r-1");
    PerInvocation first = injector.getInstance(PerInvocation.class);
    assertSame(first, injector.getInstance(PerInvocation.class));
    scope.exit();
    scope.enter("r-2");
    assertNotSame(first, injector.getInstance(PerInvocation.class));
  }

  @Test
  void theContextOfTheInvocationIsInjected() {
    scope.enter("r-1").context(context("r-1"));
    LambdaContext injected = injector.getInstance(LambdaContext.class);
    assertEquals("r-1", injected.requestId());
    assertEquals("tenant-1", injected.tenantId());
    assertEquals("Root=1-a", injected.traceId());
  }

  @Test
  void outsideAnInvocationItSaysWhy() {
    ProvisionException error = assertThrows(ProvisionException.class,
        () -> injector.getInstance(PerInvocation.class));
    assertTrue(error.getCause() instanceof OutOfScopeException, error.toString());
    assertTrue(error.getMessage().contains("outside an invocation: @InvocationScoped objects and LambdaContext"
        + " exist only on a thread serving an invocation"), error.getMessage());
    assertThrows(ProvisionException.class, () -> injector.getInstance(LambdaContext.class));
  }

  @Test
  void aWrappedTaskOnAnotherThreadServesTheSameInvocation() throws Exception {
    scope.enter("r-1").context(context("r-1"));
    PerInvocation mine = injector.getInstance(PerInvocation.class);
    Callable<Object[]> task = () -> new Object[] {injector.getInstance(PerInvocation.class), scope.requestId()};
    Object[] seen = other.submit(scope.wrap(task)).get(10, TimeUnit.SECONDS);
    assertSame(mine, seen[0]);
    assertEquals("r-1", seen[1]);
    assertNull(other.submit(scope::requestId).get(10, TimeUnit.SECONDS), "the pool thread keeps nothing after");
    assertThrows(Exception.class, () -> other.submit(() -> injector.getInstance(PerInvocation.class))
        .get(10, TimeUnit.SECONDS), "not wrapped: no invocation");
  }

  @Test
  void withOneInvocationAtATimeAnyThreadLogsWithItsRequestId() throws Exception {
    InvocationScope single = new InvocationScope(true);
    single.enter("r-9");
    try {
      assertEquals("r-9", other.submit(single::requestId).get(10, TimeUnit.SECONDS));
    } finally {
      single.exit();
    }
    assertNull(other.submit(single::requestId).get(10, TimeUnit.SECONDS));
    assertNull(other.submit(scope::requestId).get(10, TimeUnit.SECONDS));
  }
}
