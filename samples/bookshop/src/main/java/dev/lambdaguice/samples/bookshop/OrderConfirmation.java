package dev.lambdaguice.samples.bookshop;

import java.util.List;

/**
 * A placed order.
 *
 * @param orderId the id to look the order up by
 * @param totalCents the sum of quantity times unit price over the lines, in euro cents
 */
public record OrderConfirmation(String orderId, String customerId, List<ConfirmedLine> lines, long totalCents) {}
