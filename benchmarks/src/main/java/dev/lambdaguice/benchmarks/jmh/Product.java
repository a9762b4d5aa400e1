package dev.lambdaguice.benchmarks.jmh;

/** The body of the SQS benchmark records, as in AWS's sample SQS event: {@code {"id": 1234, "price": 42, ...}}. */
public record Product(long id, String name, int price) {}
