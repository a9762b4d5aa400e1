package dev.lambdaguice.samples.bookshop;

/**
 * A delivery from the supplier, as published on the stock-arrivals topic.
 *
 * @param isbn the book delivered
 * @param copies how many copies arrived
 */
public record StockArrival(String isbn, int copies) {}
