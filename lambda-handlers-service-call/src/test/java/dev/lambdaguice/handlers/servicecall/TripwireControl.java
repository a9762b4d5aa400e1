package dev.lambdaguice.handlers.servicecall;

/** Fixture: loaded on purpose by name, to show that the class-load recording sees a class loaded that way. */
public final class TripwireControl {}
