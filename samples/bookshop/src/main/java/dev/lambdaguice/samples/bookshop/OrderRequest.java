package dev.lambdaguice.samples.bookshop;

import java.util.List;

/** An order as a customer places it: {@code {"customerId": "c-1", "lines": [{"isbn": "...", "quantity": 2}]}}. */
public record OrderRequest(String customerId, List<OrderLine> lines) {}
