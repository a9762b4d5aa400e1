package dev.lambdaguice.handlers.kinesis;

import com.google.gson.Gson;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.handlers.batch.DataReader;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.runtime.guice.TypeArguments;
import java.lang.reflect.Type;

/** Binds the Kinesis batch handler of one key; see {@link KinesisHandlers#bind}. End with one of the {@code to} methods. */
public final class KinesisBindingBuilder {

  private final Binder binder;
  private final String key;
  private boolean bound;

  KinesisBindingBuilder(Binder binder, String key) {
    this.binder = binder;
    this.key = key;
  }

  /** Binds the key to a batch handler calling the record handler {@code type}, created by the injector. */
  public void to(Class<? extends KinesisRecordHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to a batch handler calling the record handler {@code type}, created by the injector. */
  public void to(TypeLiteral<? extends KinesisRecordHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to a batch handler calling the record handler bound under {@code recordHandlerKey}. */
  public void to(Key<? extends KinesisRecordHandler<?>> recordHandlerKey) {
    bind(recordHandlerKey.getTypeLiteral(), binder.getProvider(recordHandlerKey));
  }

  /** Binds the key to a batch handler calling {@code handler}, whose {@code @Inject} members are injected. */
  public void toInstance(KinesisRecordHandler<?> handler) {
    binder.requestInjection(handler);
    bind(TypeLiteral.get(handler.getClass()), () -> handler);
  }

  private void bind(TypeLiteral<?> handlerType, Provider<? extends KinesisRecordHandler<?>> handler) {
    if (bound) {
      throw new IllegalStateException("Kinesis handler '" + key + "' is already bound");
    }
    bound = true;
    Type dataType = TypeArguments.concrete(handlerType, KinesisRecordHandler.class, 0);
    if (dataType == null) {
      binder.addError("Kinesis handler '%s': %s does not declare a concrete data type; implement"
          + " KinesisRecordHandler<Data> in a class with a concrete type (not a lambda, a raw type or a type"
          + " variable)", key, handlerType);
      return;
    }
    Provider<Gson> gson = binder.getProvider(Gson.class);
    LambdaHandlers.bind(binder, key).toProvider(new Provider<LambdaHandler<?, ?>>() {
      @Override
      public LambdaHandler<?, ?> get() {
        return new KinesisBatchHandler(key, handler.get(), DataReader.of(dataType, gson.get(), "its data"));
      }
    });
  }
}
