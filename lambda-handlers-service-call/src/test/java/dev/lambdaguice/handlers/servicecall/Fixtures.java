package dev.lambdaguice.handlers.servicecall;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;

/** Helpers to build injectors and calls in tests. */
final class Fixtures {

  private Fixtures() {}

  /** An injector like the runtime's: production stage, so singletons (and the dispatcher) are built eagerly. */
  static Injector injector(Module... modules) {
    return Guice.createInjector(Stage.PRODUCTION, modules);
  }

  /** A call whose arguments are the JSON texts {@code args}. */
  static ServiceCall call(String service, String function, String... args) {
    List<JsonElement> list = new ArrayList<>();
    for (String arg : args) {
      list.add(JsonParser.parseString(arg));
    }
    return new ServiceCall(service, function, list);
  }
}
