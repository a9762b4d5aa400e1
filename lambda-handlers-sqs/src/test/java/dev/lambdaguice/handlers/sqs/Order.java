package dev.lambdaguice.handlers.sqs;

/** The body of the powertools and aws-lambda-java-libs SQS events: {@code {"id":1234,"name":"product","price":42}}. */
public record Order(long id, String name, int price) {}
