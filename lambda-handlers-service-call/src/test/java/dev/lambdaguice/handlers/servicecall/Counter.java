package dev.lambdaguice.handlers.servicecall;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixture: a singleton service (alias {@code counter}); its count shows that the injector's scope applies. */
@Singleton
public final class Counter {

  private final AtomicInteger count = new AtomicInteger();

  public int increment() {
    return count.incrementAndGet();
  }
}
