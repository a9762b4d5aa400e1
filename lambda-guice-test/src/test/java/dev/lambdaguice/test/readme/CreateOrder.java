package dev.lambdaguice.test.readme;

import java.util.List;

/** The event of README.md's create-order example. */
public record CreateOrder(String customerId, List<String> items) {}
