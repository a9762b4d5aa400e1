package dev.lambdaguice.handlers.servicecall;

/** Fixture: a generic interface, so that {@link Calculator} gets a bridge method. */
public interface Transformer<T> {
  T transform(T value);
}
