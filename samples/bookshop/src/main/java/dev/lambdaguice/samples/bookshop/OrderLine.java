package dev.lambdaguice.samples.bookshop;

/** One line of an order: how many copies of which book. */
public record OrderLine(String isbn, int quantity) {}
