/**
 * The bookshop sample: a catalog and an order service composed with Guice by {@link
 * dev.lambdaguice.samples.bookshop.BookshopModule}, served under the handler keys {@code api}, {@code service-call},
 * {@code sqs-service-call} and {@code echo}.
 */
package dev.lambdaguice.samples.bookshop;
