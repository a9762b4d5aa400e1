package dev.lambdaguice.handlers.http;

/**
 * The event is none of the four HTTP shapes (API Gateway REST or HTTP API, function URL, Application Load
 * Balancer), or lacks a field its shape needs. It fails the invocation, and the runtime goes on serving; the
 * message names the missing fields, never what the event contains. API Gateway and ALB never send such an event:
 * it comes from a test or from another trigger pointed at the function.
 */
public final class InvalidHttpEventException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidHttpEventException(String message) {
    super(message);
  }
}
