package dev.lambdaguice.samples.bookshop;

/**
 * A book of the catalog.
 *
 * @param isbn the ISBN-13, digits only
 * @param priceCents the price in euro cents (whole cents, so totals are exact)
 */
public record Book(String isbn, String title, String author, int year, long priceCents) {}
