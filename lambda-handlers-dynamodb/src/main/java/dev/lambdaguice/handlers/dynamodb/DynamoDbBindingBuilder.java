package dev.lambdaguice.handlers.dynamodb;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.handlers.batch.DataReader;
import dev.lambdaguice.handlers.dynamodb.DynamoDbBatchHandler.ImageReader;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.runtime.guice.TypeArguments;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Binds the DynamoDB Streams batch handler of one key; see {@link DynamoDbHandlers#bind}. End with one of the
 * {@code to} methods.
 */
public final class DynamoDbBindingBuilder {

  private static final Type TYPED_ITEM = new TypeToken<Map<String, AttributeValue>>() {}.getType();

  private final Binder binder;
  private final String key;
  private boolean bound;

  DynamoDbBindingBuilder(Binder binder, String key) {
    this.binder = binder;
    this.key = key;
  }

  /** Binds the key to a batch handler calling the record handler {@code type}, created by the injector. */
  public void to(Class<? extends DynamoDbRecordHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to a batch handler calling the record handler {@code type}, created by the injector. */
  public void to(TypeLiteral<? extends DynamoDbRecordHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to a batch handler calling the record handler bound under {@code recordHandlerKey}. */
  public void to(Key<? extends DynamoDbRecordHandler<?>> recordHandlerKey) {
    bind(recordHandlerKey.getTypeLiteral(), binder.getProvider(recordHandlerKey));
  }

  /** Binds the key to a batch handler calling {@code handler}, whose {@code @Inject} members are injected. */
  public void toInstance(DynamoDbRecordHandler<?> handler) {
    binder.requestInjection(handler);
    bind(TypeLiteral.get(handler.getClass()), () -> handler);
  }

  private void bind(TypeLiteral<?> handlerType, Provider<? extends DynamoDbRecordHandler<?>> handler) {
    if (bound) {
      throw new IllegalStateException("DynamoDB handler '" + key + "' is already bound");
    }
    bound = true;
    Type itemType = TypeArguments.concrete(handlerType, DynamoDbRecordHandler.class, 0);
    if (itemType == null) {
      binder.addError("DynamoDB handler '%s': %s does not declare a concrete item type; implement"
          + " DynamoDbRecordHandler<Item> in a class with a concrete type (not a lambda, a raw type or a type"
          + " variable)", key, handlerType);
      return;
    }
    boolean typed = TypeToken.get(itemType).equals(TypeToken.get(TYPED_ITEM));
    Provider<Gson> gson = binder.getProvider(Gson.class);
    LambdaHandlers.bind(binder, key).toProvider(new Provider<LambdaHandler<?, ?>>() {
      @Override
      public LambdaHandler<?, ?> get() {
        return new DynamoDbBatchHandler(key, handler.get(),
            ImageReader.of(typed ? null : DataReader.of(itemType, gson.get(), "its NewImage")),
            ImageReader.of(typed ? null : DataReader.of(itemType, gson.get(), "its OldImage")));
      }
    });
  }
}
