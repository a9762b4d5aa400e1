package dev.lambdaguice.handlers.sqs;

/** The body of the SQS order fixtures: {@code {"id": 1001, "name": "notebook", "price": 12}}. */
public record Order(long id, String name, int price) {}
