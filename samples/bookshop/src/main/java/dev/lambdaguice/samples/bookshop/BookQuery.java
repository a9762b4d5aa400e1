package dev.lambdaguice.samples.bookshop;

/**
 * A catalog search: books whose author and title contain these texts, ignoring case.
 *
 * @param author text the author must contain; null or blank for any author
 * @param title text the title must contain; null or blank for any title
 * @param limit the most books to return, 1 to {@value CatalogService#MAX_LIMIT}; null for
 *     {@value CatalogService#DEFAULT_LIMIT}
 */
public record BookQuery(String author, String title, Integer limit) {}
