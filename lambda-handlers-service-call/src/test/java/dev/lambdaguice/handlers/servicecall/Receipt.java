package dev.lambdaguice.handlers.servicecall;

/** Fixture: a record result. */
public record Receipt(String orderId, int items) {}
