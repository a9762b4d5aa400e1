package dev.lambdaguice.handlers.servicecall;

/** Fixture: an unscoped service; every call gets a new instance, so it always answers 1. */
public final class FreshCounter {

  private int count;

  public int increment() {
    return ++count;
  }
}
