package dev.lambdaguice.samples.bookshop;

/** The body of {@link ApiHandler}'s 4xx responses: what is wrong, for the caller; never a stack trace. */
public record ApiError(String message) {}
