package dev.lambdaguice.handlers.servicecall;

/** Fixture: an order line. */
public record Line(String sku, int quantity) {}
