package dev.lambdaguice.handlers.sqs;

import com.google.gson.Gson;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import dev.lambdaguice.runtime.guice.InvocationScope;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.runtime.guice.TypeArguments;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Configures the SQS batch handler of one key; see {@link SqsHandlers#bind}. Set options first, then end with one
 * of the {@code to} methods, which binds the key.
 */
public final class SqsBindingBuilder {

  /** The largest {@link #parallelism}. */
  public static final int MAX_PARALLELISM = 64;

  private final Binder binder;
  private final String key;
  private int parallelism = 1;
  private boolean bound;

  SqsBindingBuilder(Binder binder, String key) {
    this.binder = binder;
    this.key = key;
  }

  /**
   * Handles the records of a standard-queue batch on up to {@code threads} threads at once (the invocation's own
   * thread and {@code threads - 1} pool threads started at init); 1, the default, handles them one after the other
   * in batch order. A FIFO batch runs its message groups in parallel, each group's records in order. The record
   * handler must then be thread-safe.
   *
   * @throws IllegalArgumentException {@code threads} is not between 1 and {@value #MAX_PARALLELISM}
   */
  public SqsBindingBuilder parallelism(int threads) {
    if (threads < 1 || threads > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "parallelism must be between 1 and " + MAX_PARALLELISM + ", not " + threads);
    }
    this.parallelism = threads;
    return this;
  }

  /** Binds the key to a batch handler calling the record handler {@code type}, created by the injector. */
  public void to(Class<? extends SqsRecordHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to a batch handler calling the record handler {@code type}, created by the injector. */
  public void to(TypeLiteral<? extends SqsRecordHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to a batch handler calling the record handler bound under {@code recordHandlerKey}. */
  public void to(Key<? extends SqsRecordHandler<?>> recordHandlerKey) {
    bind(recordHandlerKey.getTypeLiteral(), binder.getProvider(recordHandlerKey));
  }

  /** Binds the key to a batch handler calling {@code handler}, whose {@code @Inject} members are injected. */
  public void toInstance(SqsRecordHandler<?> handler) {
    binder.requestInjection(handler);
    bind(TypeLiteral.get(handler.getClass()), () -> handler);
  }

  private void bind(TypeLiteral<?> recordHandlerType, Provider<? extends SqsRecordHandler<?>> recordHandler) {
    if (bound) {
      throw new IllegalStateException("SQS handler '" + key + "' is already bound");
    }
    bound = true;
    Type bodyType = TypeArguments.concrete(recordHandlerType, SqsRecordHandler.class, 0);
    if (bodyType == null) {
      binder.addError("SQS handler '%s': %s does not declare a concrete body type; implement SqsRecordHandler<Body>"
          + " in a class with a concrete type (not a lambda, a raw type or a type variable)", key,
          recordHandlerType);
      return;
    }
    OptionalBinder.newOptionalBinder(binder, InvocationScope.class); // bound by the runtime; absent in plain injectors
    LambdaHandlers.bind(binder, key).toProvider(new SqsBatchHandlerProvider(
        key, bodyType, parallelism, recordHandler, binder.getProvider(Gson.class),
        binder.getProvider(new Key<Optional<InvocationScope>>() {})));
  }
}
