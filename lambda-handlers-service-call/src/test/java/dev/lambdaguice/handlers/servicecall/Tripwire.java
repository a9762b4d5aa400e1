package dev.lambdaguice.handlers.servicecall;

/**
 * Fixture: a public class with a public no-argument constructor that no test refers to except by its name. Its
 * static initializer trips {@link Tripwires}: a service call naming it must not load, initialize or create it.
 */
public final class Tripwire {

  static {
    Tripwires.trip("Tripwire initialized");
  }

  public Tripwire() {
    Tripwires.trip("Tripwire created");
  }

  public String fire() {
    Tripwires.trip("Tripwire.fire");
    return "fired";
  }
}
