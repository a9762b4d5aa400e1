package dev.lambdaguice.benchmarks.jmh;

import dev.lambdaguice.handlers.sqs.SqsMessage;
import dev.lambdaguice.handlers.sqs.SqsRecordHandler;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import org.openjdk.jmh.infra.Blackhole;

/** A trivial record handler of {@link Product} bodies (read by Gson): hands the body to the {@link Blackhole}. */
public final class ProductBodyHandler implements SqsRecordHandler<Product> {

  private final Blackhole sink;

  @Inject
  public ProductBodyHandler(Blackhole sink) {
    this.sink = sink;
  }

  @Override
  public void handle(Product body, SqsMessage message, LambdaContext context) {
    sink.consume(body);
  }
}
