package dev.lambdaguice.runtime.guice.spi;

import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.lang.reflect.Type;

/**
 * A handler whose event type is chosen when it is bound, not declared by its class: for modules that adapt another
 * handler interface (such as {@code aws-lambda-java-core}'s {@code RequestHandler<I, O>}) with one adapter class for
 * every {@code I}.
 *
 * <p>The runtime asks for {@link #eventType()} once, at init, and reads each event as JSON of that type with the
 * injector's {@code Gson}, through the same reader as a {@link LambdaHandler} whose class declares it, with one
 * difference: every type is read from JSON, so {@code String} gets the JSON string decoded (a {@code LambdaHandler}
 * whose class declares {@code String} gets the raw text) and {@code byte[]} a JSON array of numbers. An event that
 * does not fit never reaches {@link #handle}: the invocation fails with {@code Runtime.InvalidEvent}. The result is
 * written as for any handler.
 *
 * @param <O> the result type
 */
public interface JsonEventHandler<O> extends LambdaHandler<Object, O> {

  /** The concrete type events are read as (a class, or a parameterized type such as {@code Map<String, Foo>}). */
  Type eventType();
}
