package dev.lambdaguice.handlers.servicecall;

/** Fixture: an interface nothing binds. */
public interface UnboundService {
  String hello();
}
