package dev.lambdaguice.runtime.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The extensions of the current runtime, as the platform keeps them: registered during init (registration closes
 * at the runtime's first {@code /next} or {@code /restore/next}), ready once each called
 * {@code /extension/event/next}. The runtime's init ends, and invocations are handed out, only when every
 * registered extension is ready. A fresh runtime (after a supervised restart) starts over. Thread-safe.
 */
final class Extensions {

  /** Lambda's limit of extensions per function. */
  static final int MAX = 10;

  /** What a registration got. */
  sealed interface Answer permits Accepted, Refusal {}

  /** Registered. */
  record Accepted(ExtensionRegistration registration) implements Answer {}

  /** Refused: the platform's error type and message. */
  record Refusal(String errorType, String message) implements Answer {}

  private final List<ExtensionRegistration> registered = new ArrayList<>();
  private boolean closed;
  private int generation;

  /** Registers an extension, or says why not. */
  synchronized Answer register(String name, List<String> events) {
    if (closed) {
      return new Refusal("Extension.RegistrationClosed", "Extension registration closed already");
    }
    if (registered.size() >= MAX) {
      return new Refusal("Extension.TooManyExtensions", "Extension limit (" + MAX + ") reached");
    }
    if (registered.stream().anyMatch(e -> e.name().equals(name))) {
      return new Refusal("Extension.InvalidExtensionState", "Extension with this name already registered");
    }
    ExtensionRegistration registration =
        new ExtensionRegistration(name, UUID.randomUUID().toString(), List.copyOf(events), false);
    registered.add(registration);
    return new Accepted(registration);
  }

  /** Marks the extension ready; empty when the identifier is unknown. */
  synchronized Optional<ExtensionRegistration> ready(String identifier) {
    for (int i = 0; i < registered.size(); i++) {
      ExtensionRegistration e = registered.get(i);
      if (e.identifier().equals(identifier)) {
        ExtensionRegistration ready = new ExtensionRegistration(e.name(), e.identifier(), e.events(), true);
        registered.set(i, ready);
        notifyAll();
        return Optional.of(ready);
      }
    }
    return Optional.empty();
  }

  /**
   * The runtime finished its init: closes registration, and waits until every registered extension is ready.
   *
   * @throws InterruptedException the server is closing
   */
  synchronized void runtimeReady() throws InterruptedException {
    closed = true;
    while (registered.stream().anyMatch(e -> !e.ready())) {
      wait();
    }
  }

  /**
   * Holds an extension's {@code /event/next}: no event is ever delivered locally, so it returns only when the
   * runtime is replaced (or throws when the server closes).
   */
  synchronized void awaitEvent() throws InterruptedException {
    int current = generation;
    while (generation == current) {
      wait();
    }
  }

  synchronized List<ExtensionRegistration> snapshot() {
    return List.copyOf(registered);
  }

  synchronized boolean any() {
    return !registered.isEmpty();
  }

  /** Forgets the previous runtime's extensions: a fresh runtime registers its own. */
  synchronized void newRuntime() {
    registered.clear();
    closed = false;
    generation++;
    notifyAll();
  }
}
