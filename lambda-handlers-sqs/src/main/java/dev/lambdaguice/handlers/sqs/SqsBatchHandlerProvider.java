package dev.lambdaguice.handlers.sqs;

import com.google.gson.Gson;
import com.google.inject.Provider;
import dev.lambdaguice.handlers.batch.ParallelRunner;
import dev.lambdaguice.runtime.guice.InvocationScope;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Creates the batch handler of one key. The runtime asks for it once, at init: that creates the record handler,
 * the body reader, and the thread pool of a parallel handler.
 */
final class SqsBatchHandlerProvider implements Provider<LambdaHandler<?, ?>> {

  private final String key;
  private final Type bodyType;
  private final int parallelism;
  private final Provider<? extends SqsRecordHandler<?>> recordHandler;
  private final Provider<Gson> gson;
  private final Provider<Optional<InvocationScope>> scope;

  SqsBatchHandlerProvider(String key, Type bodyType, int parallelism,
      Provider<? extends SqsRecordHandler<?>> recordHandler, Provider<Gson> gson,
      Provider<Optional<InvocationScope>> scope) {
    this.scope = scope;
    this.key = key;
    this.bodyType = bodyType;
    this.parallelism = parallelism;
    this.recordHandler = recordHandler;
    this.gson = gson;
  }

  @Override
  public LambdaHandler<?, ?> get() {
    return new SqsBatchHandler(key, recordHandler.get(), BodyReader.forType(bodyType, gson.get()),
        parallelism > 1 ? new ParallelRunner("sqs-" + key, parallelism, toPool()) : null);
  }

  /** Pool threads serve the invocation that gave them work: its scope, and its request id in their log lines. */
  private UnaryOperator<Runnable> toPool() {
    return scope.get().<UnaryOperator<Runnable>>map(invocations -> invocations::wrap)
        .orElse(UnaryOperator.identity());
  }
}
