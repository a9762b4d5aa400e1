package dev.lambdaguice.handlers.http;

/** Where an HTTP request came from; the response is written in that source's shape. */
public enum HttpSource {
  /** API Gateway REST API, Lambda proxy integration (payload format 1.0). */
  REST_API,
  /** API Gateway HTTP API, payload format 2.0. */
  HTTP_API,
  /** A Lambda function URL (payload format 2.0, {@code *.lambda-url.*} domain). */
  FUNCTION_URL,
  /** An Application Load Balancer target group. */
  ALB
}
