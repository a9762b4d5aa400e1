package dev.lambdaguice.runtime.guice;

import com.google.inject.Key;
import com.google.inject.Provider;
import java.util.HashMap;
import java.util.Map;

/**
 * An invocation while it runs, as the threads serving it see it: its request id (for log lines), its
 * {@link LambdaContext} once read, and its {@link InvocationScoped} objects, whose map is made only when the first
 * one is asked for.
 */
final class ActiveInvocation {

  private static final Object NULL = new Object();

  private final String requestId;
  private volatile LambdaContext context;
  private Map<Key<?>, Object> objects; // guarded by this

  ActiveInvocation(String requestId) {
    this.requestId = requestId;
  }

  String requestId() {
    return requestId;
  }

  /** The context, or null before the invocation's headers were read (or when they are unusable). */
  LambdaContext context() {
    return context;
  }

  void context(LambdaContext context) {
    this.context = context;
  }

  /** This invocation's instance for {@code key}, made by {@code unscoped} the first time. */
  @SuppressWarnings("unchecked")
  synchronized <T> T scoped(Key<T> key, Provider<T> unscoped) {
    if (objects == null) {
      objects = new HashMap<>();
    }
    Object instance = objects.get(key);
    if (instance == null) {
      instance = unscoped.get();
      objects.put(key, instance == null ? NULL : instance);
    }
    return instance == NULL ? null : (T) instance;
  }
}
