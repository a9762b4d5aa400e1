package dev.lambdaguice.runtime.guice;

import com.google.inject.Binder;
import com.google.inject.BindingAnnotation;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@link LambdaHook}s for SnapStart and for shutdown, and the events that prime a handler before its
 * snapshot.
 *
 * <pre>{@code
 * public final class OrdersModule extends AbstractModule {
 *   @Override protected void configure() {
 *     LambdaHandlers.bind(binder(), "create-order").to(CreateOrderHandler.class);
 *     LambdaHooks.primingEvent(binder(), "create-order").toInstance("{\"customerId\":\"warm-up\",\"items\":[]}");
 *     LambdaHooks.beforeCheckpoint(binder()).to(ClosePool.class);
 *     LambdaHooks.afterRestore(binder()).to(OpenPool.class);
 *     LambdaHooks.shutdown(binder()).to(FlushMetrics.class);
 *   }
 * }
 * }</pre>
 *
 * <p><b>SnapStart</b> hooks run only when Lambda initializes the function for a snapshot
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), as CRaC resources do; otherwise they are never called. After
 * the injector is built and the handler chosen, the runtime runs the handler with its priming events, then the
 * before-checkpoint hooks, tells Lambda it is ready for the snapshot ({@code /runtime/restore/next}), and, once
 * restored, runs the after-restore hooks before it serves the first invocation.
 *
 * <p><b>Order</b>: before-checkpoint hooks run in binding order, after-restore hooks in reverse binding order. As
 * with any Guice {@link Multibinder}, binding order is the order of the bind calls within a module, and across
 * modules the order of the modules in {@code LAMBDA_GUICE_MODULES}.
 *
 * <p><b>Failures</b>: a priming invocation or a before-checkpoint hook that throws fails init with
 * {@code Runtime.BeforeCheckpointError} ({@code /runtime/init/error}, exit status
 * {@link LambdaRuntime#EXIT_INIT_FAILED}); an after-restore hook that throws is posted to
 * {@code /runtime/restore/error} as {@code Runtime.AfterRestoreError} and the process exits with
 * {@link LambdaRuntime#EXIT_RESTORE_FAILED}. Later hooks of the same phase do not run.
 */
public final class LambdaHooks {

  private static final TypeLiteral<LambdaHook> HOOK = TypeLiteral.get(LambdaHook.class);

  private LambdaHooks() {}

  /** Adds a hook run before Lambda takes the SnapStart snapshot, in binding order. */
  public static LinkedBindingBuilder<LambdaHook> beforeCheckpoint(Binder binder) {
    return Multibinder.newSetBinder(binder.skipSources(LambdaHooks.class), HOOK, BeforeCheckpoint.class)
        .addBinding();
  }

  /** Adds a hook run after Lambda restored the process from its snapshot, in reverse binding order. */
  public static LinkedBindingBuilder<LambdaHook> afterRestore(Binder binder) {
    return Multibinder.newSetBinder(binder.skipSources(LambdaHooks.class), HOOK, AfterRestore.class).addBinding();
  }

  /**
   * Adds a hook run when Lambda shuts the execution environment down ({@code SIGTERM}), in binding order, within
   * {@code LAMBDA_GUICE_SHUTDOWN_BUDGET_MS} (400 ms by default) for all shutdown hooks together. Binding one makes
   * init register an internal extension, without which Lambda sends no {@code SIGTERM}. A hook that throws is
   * logged and the next one runs; hooks still running when the budget is spent are logged, and the process exits
   * anyway. Shutdown hooks run only in a runtime that owns its process ({@link LambdaRuntime#main}).
   */
  public static LinkedBindingBuilder<LambdaHook> shutdown(Binder binder) {
    return Multibinder.newSetBinder(binder.skipSources(LambdaHooks.class), HOOK, Shutdown.class).addBinding();
  }

  /**
   * Adds an event that primes the handler bound under {@code key} before the SnapStart snapshot: its JSON text, as
   * Lambda would send it. The runtime reads it, calls the handler with a priming {@link LambdaContext} (request id
   * {@code priming-1}, {@code priming-2}, ...; a deadline one minute ahead; no ARN, trace id, client context,
   * identity, tenant or invocation id) and writes the result as JSON, in binding order, the way it serves an
   * invocation (in the invocation scope: {@link InvocationScoped} objects and the injected {@code LambdaContext}
   * are the priming invocation's), but posts nothing to the Runtime API. Priming runs the handler's real code paths (class loading,
   * JIT, lazily built clients) so that the snapshot holds them warm: pick events without side effects you would
   * not want in every restored copy. Runs only with SnapStart, before the before-checkpoint hooks (so that they
   * can close what priming opened). An event bound twice for one key runs once.
   */
  public static LinkedBindingBuilder<String> primingEvent(Binder binder, String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("handler key must not be blank");
    }
    return primingEvents(binder.skipSources(LambdaHooks.class)).addBinding(key);
  }

  /** The hooks bound for {@code phase}, in binding order; empty (and no Guice lookup beyond one map read) if none. */
  static List<LambdaHook> hooks(Injector injector, Class<? extends Annotation> phase) {
    @SuppressWarnings("unchecked")
    Key<Set<LambdaHook>> key = (Key<Set<LambdaHook>>) Key.get(com.google.inject.util.Types.setOf(LambdaHook.class),
        phase);
    return injector.getExistingBinding(key) == null ? List.of() : new ArrayList<>(injector.getInstance(key));
  }

  /** The priming events bound for {@code key}, in binding order; empty if none. */
  static List<String> primingEvents(Injector injector, String key) {
    @SuppressWarnings("unchecked")
    Key<Map<String, Set<String>>> mapKey = (Key<Map<String, Set<String>>>) Key.get(
        com.google.inject.util.Types.mapOf(String.class, com.google.inject.util.Types.setOf(String.class)),
        PrimingEvents.class);
    if (injector.getExistingBinding(mapKey) == null) {
      return List.of();
    }
    Set<String> events = injector.getInstance(mapKey).get(key);
    return events == null ? List.of() : List.copyOf(events);
  }

  private static MapBinder<String, String> primingEvents(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, String.class, PrimingEvents.class).permitDuplicates();
  }

  /** Qualifies the set of before-checkpoint hooks. */
  @BindingAnnotation
  @Retention(RetentionPolicy.RUNTIME)
  @interface BeforeCheckpoint {}

  /** Qualifies the set of after-restore hooks. */
  @BindingAnnotation
  @Retention(RetentionPolicy.RUNTIME)
  @interface AfterRestore {}

  /** Qualifies the set of shutdown hooks. */
  @BindingAnnotation
  @Retention(RetentionPolicy.RUNTIME)
  @interface Shutdown {}

  /** Qualifies the map of priming events per handler key. */
  @BindingAnnotation
  @Retention(RetentionPolicy.RUNTIME)
  @interface PrimingEvents {}
}
