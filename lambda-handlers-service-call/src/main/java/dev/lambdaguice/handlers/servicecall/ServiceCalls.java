package dev.lambdaguice.handlers.servicecall;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * Exposes services to service calls. Only exposed services can be called; every other name is an
 * {@link UnknownServiceException}, and no class is loaded for it.
 *
 * <pre>{@code
 * public final class AppModule extends AbstractModule {
 *   @Override protected void configure() {
 *     install(new ServiceCallModule());
 *     ServiceCalls.expose(binder(), EchoService.class);              // "com.example.EchoService"
 *     ServiceCalls.expose(binder(), OrderService.class, "orders");   // "com.example.OrderService" or "orders"
 *   }
 * }
 * }</pre>
 *
 * Callers reach a service by its fully qualified type name or its alias, and call its public instance methods (its
 * own and those it inherits, but none of {@code Object}'s). If the type is an interface, only the interface's
 * methods are callable. Instances come from the injector ({@code injector.getProvider(type)}) at each call, so
 * scopes apply. The type must be public (and so must the classes it is nested in). A name claimed for two
 * different types (an alias used twice, or an alias equal to another exposed type's name) fails injector creation
 * with an error naming both; exposing the same type twice is harmless.
 */
public final class ServiceCalls {

  private ServiceCalls() {}

  /** Exposes {@code type} under its fully qualified name. */
  public static void expose(Binder binder, Class<?> type) {
    add(binder, type, null);
  }

  /** Exposes {@code type} under its fully qualified name and under {@code alias}. */
  public static void expose(Binder binder, Class<?> type, String alias) {
    add(binder, type, Objects.requireNonNull(alias, "alias"));
  }

  /** The set of exposures; declared by {@link ServiceCallModule} so that an application may expose nothing. */
  static Multibinder<ExposedService> exposures(Binder binder) {
    return Multibinder.newSetBinder(binder, ExposedService.class).permitDuplicates();
  }

  private static void add(Binder binder, Class<?> type, String alias) {
    Objects.requireNonNull(type, "type");
    Binder source = binder.skipSources(ServiceCalls.class);
    String problem = problem(type, alias);
    if (problem != null) {
      source.addError(problem);
      return;
    }
    exposures(source).addBinding().toInstance(new ExposedService(type, alias, caller()));
  }

  private static String problem(Class<?> type, String alias) {
    if (type.isPrimitive() || type.isArray()) {
      return "ServiceCalls.expose: " + type.getTypeName() + " is not a service type; expose a class or interface";
    }
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return "ServiceCalls.expose: " + type.getName() + " cannot be exposed because "
            + (c == type ? "it" : "its enclosing " + c.getName()) + " is not public; make it public, or expose a"
            + " public interface it implements";
      }
    }
    if (alias != null && (alias.isBlank() || !alias.strip().equals(alias))) {
      return "ServiceCalls.expose: the alias of " + type.getName() + " must be non-blank, without surrounding"
          + " spaces; it is '" + alias + "'";
    }
    return null;
  }

  /** The frame that called {@code expose}, like {@code com.example.AppModule.configure(AppModule.java:14)}. */
  private static String caller() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(frame -> !frame.getClassName().equals(ServiceCalls.class.getName()))
        .findFirst()
        .map(Object::toString)
        .orElse("unknown source"));
  }
}
