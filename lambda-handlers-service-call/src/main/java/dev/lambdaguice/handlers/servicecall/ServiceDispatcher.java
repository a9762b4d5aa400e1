package dev.lambdaguice.handlers.servicecall;

import com.google.gson.Gson;
import com.google.inject.Injector;
import com.google.inject.Scopes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls functions of the services the application exposed with {@link ServiceCalls#expose}.
 *
 * <p>Built once per injector: it indexes every exposed service's callable methods and fails (so init fails) when
 * two exposures claim one name for different types or a method cannot be reached. The first call of a function
 * with a given number of arguments prepares its overloads (method handles and argument type adapters) and caches
 * them; later calls only read the arguments with the injector's {@link Gson} and invoke one method handle (on the
 * injector's instance, which for a singleton is got once).
 * Thread-safe.
 */
@Singleton
public final class ServiceDispatcher {

  private final Map<String, ServiceIndex> services;
  private final String serviceNames;

  @Inject
  ServiceDispatcher(Injector injector, Set<ExposedService> exposures, Gson gson) {
    List<ExposedService> sorted = exposures.stream()
        .sorted(Comparator.comparing((ExposedService e) -> e.type().getName())
            .thenComparing(e -> String.valueOf(e.alias())).thenComparing(ExposedService::source))
        .toList();
    Map<String, ExposedService> claims = new HashMap<>();
    Map<Class<?>, ServiceIndex> indexes = new HashMap<>();
    Map<String, ServiceIndex> byName = new HashMap<>();
    for (ExposedService exposure : sorted) {
      for (String name : exposure.names()) {
        ExposedService earlier = claims.putIfAbsent(name, exposure);
        if (earlier != null && earlier.type() != exposure.type()) {
          throw new IllegalStateException("The service name '" + name + "' is claimed by two exposed services: "
              + earlier.describe() + " and " + exposure.describe() + ". Give each a name of its own");
        }
      }
      ServiceIndex index = indexes.computeIfAbsent(exposure.type(),
          type -> new ServiceIndex(type, injector.getProvider(type), Scopes.isSingleton(injector.getBinding(type)),
              gson));
      exposure.names().forEach(name -> byName.put(name, index));
    }
    this.services = Map.copyOf(byName);
    this.serviceNames = services.isEmpty() ? "none" : String.join(", ", new TreeSet<>(services.keySet()));
  }

  /**
   * Calls the function {@code call} names, on the injector's instance of the service (so its scope applies), with
   * the arguments read by the injector's {@link Gson} as the parameters' generic types.
   *
   * @return what the method returned; null for a void method
   * @throws ServiceCallException the call cannot be made as asked (the method was not invoked)
   * @throws Exception what the method threw, as it threw it
   */
  public Object dispatch(ServiceCall call) throws Exception {
    ServiceIndex service = services.get(call.serviceName());
    if (service == null) {
      throw new UnknownServiceException("No service named " + Messages.quote(call.serviceName()) + " is exposed;"
          + " exposed are: " + serviceNames + ". The application exposes services with ServiceCalls.expose");
    }
    return service.call(call.function(), call.args());
  }

  /** The service a name reaches, or null; for tests. */
  ServiceIndex service(String name) {
    return services.get(name);
  }
}
