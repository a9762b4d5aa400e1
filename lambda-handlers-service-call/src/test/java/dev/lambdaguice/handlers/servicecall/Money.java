package dev.lambdaguice.handlers.servicecall;

/** Fixture: a value the application's own Gson reads from a string like {@code "12.50 EUR"}. */
public record Money(long cents, String currency) {}
