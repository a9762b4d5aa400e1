package dev.lambdaguice.test.readme;

/** The result of README.md's create-order example. */
public record OrderCreated(String orderId) {}
