package dev.lambdaguice.samples.bookshop;

/**
 * What the supplier asks for more copies of a book.
 *
 * @param isbn the book
 * @param priceCents the supplier's price per copy, in cents
 * @param availableInDays how soon the supplier can deliver
 */
public record SupplierQuote(String isbn, long priceCents, int availableInDays) {}
