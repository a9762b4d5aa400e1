package dev.lambdaguice.handlers.servicecall;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.inject.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The callable methods of one exposed service, found and prepared when the dispatcher is built, and the
 * {@link Overloads} for each name and arity called so far.
 *
 * <p>Callable are the public instance methods that {@link Class#getMethods()} lists for the exposed type (for an
 * interface: the interface's own and inherited methods), except bridge and synthetic methods and any method with
 * the signature of one of {@code Object}'s ({@code equals}, {@code hashCode}, {@code toString}, {@code getClass},
 * {@code wait}, {@code notify}, ...).
 */
final class ServiceIndex {

  /** Name and parameter types. */
  private record Signature(String name, List<Class<?>> parameters) {
    static Signature of(Method method) {
      return new Signature(method.getName(), List.of(method.getParameterTypes()));
    }
  }

  /** A resolution's cache key. */
  private record NameAndArity(String name, int arity) {}

  private static final Set<Signature> OBJECT_METHODS =
      Arrays.stream(Object.class.getDeclaredMethods()).map(Signature::of).collect(Collectors.toUnmodifiableSet());

  private final Class<?> type;
  private final Provider<?> provider;
  private final boolean singleton;
  private volatile Object instance;
  private final Gson gson;
  private final Map<String, List<ServiceMethod>> methods;
  private final String functionNames;
  private final Map<NameAndArity, Overloads> resolved = new ConcurrentHashMap<>();
  private final AtomicInteger resolutions = new AtomicInteger();

  /**
   * Indexes {@code type}'s callable methods.
   *
   * @param provider the injector's provider of the service
   * @param singleton whether the injector binds the service as a singleton: then the instance it gives first is
   *     kept (it would give the same at every call), and later calls do not ask the injector again
   * @throws IllegalStateException a callable method cannot be reached through a public lookup
   */
  ServiceIndex(Class<?> type, Provider<?> provider, boolean singleton, Gson gson) {
    this.type = type;
    this.provider = provider;
    this.singleton = singleton;
    this.gson = gson;
    Map<Signature, Method> unique = new HashMap<>(); // an interface may inherit one signature from two parents
    for (Method method : type.getMethods()) {
      if (isCallable(method)) {
        unique.merge(Signature.of(method), method,
            (a, b) -> a.getReturnType().isAssignableFrom(b.getReturnType()) ? b : a); // the most specific return
      }
    }
    Map<String, List<ServiceMethod>> byName = new HashMap<>();
    for (Method method : unique.values()) {
      byName.computeIfAbsent(method.getName(), name -> new ArrayList<>()).add(prepare(method));
    }
    byName.replaceAll((name, list) -> list.stream().sorted(Comparator.comparing(ServiceMethod::signature)).toList());
    this.methods = Map.copyOf(byName);
    this.functionNames = String.join(", ", new TreeSet<>(methods.keySet()));
  }

  private static boolean isCallable(Method method) {
    int modifiers = method.getModifiers();
    return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !method.isBridge()
        && !method.isSynthetic() && !OBJECT_METHODS.contains(Signature.of(method));
  }

  private ServiceMethod prepare(Method method) {
    try {
      return ServiceMethod.of(type, method);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Exposed service " + type.getName() + ": its method " + method
          + " cannot be called through a public lookup: " + e, e);
    }
  }

  /** Calls {@code function} with {@code args} on the injector's instance of the service. */
  Object call(String function, List<JsonElement> args) throws Exception {
    CallTarget target = resolve(function, args.size()).select(args);
    Object[] values = target.convert(args);
    return target.method().invoke(instance(), values);
  }

  /** The instance to call: the injector's, got at each call, or once for a singleton. */
  private Object instance() {
    Object service = instance;
    if (service == null) {
      service = provider.get();
      if (service == null) {
        throw new IllegalStateException("The injector provided null for exposed service " + type.getName());
      }
      if (singleton) {
        instance = service;
      }
    }
    return service;
  }

  /** The overloads of {@code function} with {@code arity} parameters, from the cache after the first time. */
  Overloads resolve(String function, int arity) throws UnknownFunctionException, ArgumentCountException {
    NameAndArity key = new NameAndArity(function, arity);
    Overloads cached = resolved.get(key);
    if (cached != null) {
      return cached;
    }
    List<ServiceMethod> named = methods.get(function);
    if (named == null) {
      throw new UnknownFunctionException("Service " + type.getName() + " has no callable function "
          + Messages.quote(function) + "; " + (methods.isEmpty() ? "it has none"
              : "its functions are " + functionNames) + ". Callable are its public instance methods, not those"
          + " of java.lang.Object");
    }
    List<ServiceMethod> candidates = named.stream().filter(method -> method.arity() == arity).toList();
    if (candidates.isEmpty()) { // not cached: only names and arities that exist are, so the cache stays small
      throw new ArgumentCountException(type.getName() + "." + function + " takes " + arities(named)
          + " arguments, not " + arity + ": " + named.stream().map(ServiceMethod::signature)
              .collect(Collectors.joining(", ")));
    }
    return resolved.computeIfAbsent(key, k -> {
      resolutions.incrementAndGet();
      return new Overloads(type.getName() + "." + function,
          candidates.stream().map(method -> new CallTarget(method, gson)).toList());
    });
  }

  private static String arities(List<ServiceMethod> methods) {
    List<String> arities = methods.stream().map(ServiceMethod::arity).distinct().sorted().map(String::valueOf)
        .toList();
    return arities.size() == 1 ? arities.get(0)
        : String.join(", ", arities.subList(0, arities.size() - 1)) + " or " + arities.get(arities.size() - 1);
  }

  /** The signatures of the callable methods, sorted; for tests. */
  List<String> signatures() {
    return methods.values().stream().flatMap(List::stream).map(ServiceMethod::signature).sorted().toList();
  }

  /** How many resolutions were built (cache misses); for tests. */
  int resolutions() {
    return resolutions.get();
  }
}
