package dev.lambdaguice.handlers.sqs;

import com.google.gson.Gson;
import com.google.inject.Provider;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.lang.reflect.Type;

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

  SqsBatchHandlerProvider(String key, Type bodyType, int parallelism,
      Provider<? extends SqsRecordHandler<?>> recordHandler, Provider<Gson> gson) {
    this.key = key;
    this.bodyType = bodyType;
    this.parallelism = parallelism;
    this.recordHandler = recordHandler;
    this.gson = gson;
  }

  @Override
  public LambdaHandler<?, ?> get() {
    return new SqsBatchHandler(key, recordHandler.get(), BodyReader.forType(bodyType, gson.get()),
        parallelism > 1 ? new ParallelRunner("sqs-" + key, parallelism) : null);
  }
}
