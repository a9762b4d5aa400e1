package dev.lambdaguice.samples.bookshop;

/**
 * A line of a placed order, priced.
 *
 * @param unitPriceCents the book's price when the order was placed, in euro cents
 */
public record ConfirmedLine(String isbn, String title, int quantity, long unitPriceCents) {}
