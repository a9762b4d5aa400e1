package dev.lambdaguice.handlers.servicecall;

/** Fixture: an enum argument. */
public enum Priority {
  LOW,
  HIGH
}
