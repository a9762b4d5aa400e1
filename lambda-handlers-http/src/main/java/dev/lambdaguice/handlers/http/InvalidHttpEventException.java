package dev.lambdaguice.handlers.http;

import dev.lambdaguice.runtime.guice.InvalidEventException;

/**
 * The event is none of the four HTTP shapes (API Gateway REST or HTTP API, function URL, Application Load Balancer), or
 * lacks a field its shape needs. It fails the invocation with {@code Runtime.InvalidEvent}, and the runtime goes on
 * serving; the message names the missing fields, never what the event contains. API Gateway and ALB never send such an
 * event: it comes from a test or from another trigger pointed at the function.
 */
public final class InvalidHttpEventException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  InvalidHttpEventException(String message) {
    super(message);
  }
}
