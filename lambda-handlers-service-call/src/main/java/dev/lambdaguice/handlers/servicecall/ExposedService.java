package dev.lambdaguice.handlers.servicecall;

import java.util.List;

/**
 * One {@link ServiceCalls#expose} call: callers may reach {@code type} by its name and by {@code alias}.
 *
 * @param type the exposed type, public; instances come from the injector
 * @param alias another name for it, or null
 * @param source where it was exposed (the calling frame), for error messages
 */
record ExposedService(Class<?> type, String alias, String source) {

  /** The names this exposure claims: the type's fully qualified name, and the alias if any. */
  List<String> names() {
    return alias == null ? List.of(type.getName()) : List.of(type.getName(), alias);
  }

  /** For messages: the type, its alias, and where it was exposed. */
  String describe() {
    return type.getName() + (alias == null ? "" : " as '" + alias + "'") + " (exposed at " + source + ")";
  }
}
