package dev.lambdaguice.samples.bookshop;

/**
 * One line of the {@link StockExport}: a book of the catalog and the copies in stock.
 *
 * @param priceCents the price in euro cents
 * @param inStock copies in stock when the line was written
 */
public record StockLine(String isbn, String title, String author, long priceCents, int inStock) {}
