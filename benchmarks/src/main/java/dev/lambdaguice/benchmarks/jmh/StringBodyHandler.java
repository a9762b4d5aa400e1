package dev.lambdaguice.benchmarks.jmh;

import dev.lambdaguice.handlers.sqs.SqsMessage;
import dev.lambdaguice.handlers.sqs.SqsRecordHandler;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import org.openjdk.jmh.infra.Blackhole;

/** A trivial record handler of text bodies: hands the body to the benchmark's {@link Blackhole}. */
public final class StringBodyHandler implements SqsRecordHandler<String> {

  private final Blackhole sink;

  @Inject
  public StringBodyHandler(Blackhole sink) {
    this.sink = sink;
  }

  @Override
  public void handle(String body, SqsMessage message, LambdaContext context) {
    sink.consume(body);
  }
}
