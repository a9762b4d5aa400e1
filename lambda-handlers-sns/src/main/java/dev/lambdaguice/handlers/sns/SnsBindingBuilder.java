package dev.lambdaguice.handlers.sns;

import com.google.gson.Gson;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.runtime.guice.TypeArguments;
import java.lang.reflect.Type;

/** Binds the SNS handler of one key; see {@link SnsHandlers#bind}. End with one of the {@code to} methods. */
public final class SnsBindingBuilder {

  private final Binder binder;
  private final String key;
  private boolean bound;

  SnsBindingBuilder(Binder binder, String key) {
    this.binder = binder;
    this.key = key;
  }

  /** Binds the key to an SNS handler calling the message handler {@code type}, created by the injector. */
  public void to(Class<? extends SnsMessageHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to an SNS handler calling the message handler {@code type}, created by the injector. */
  public void to(TypeLiteral<? extends SnsMessageHandler<?>> type) {
    to(Key.get(type));
  }

  /** Binds the key to an SNS handler calling the message handler bound under {@code handlerKey}. */
  public void to(Key<? extends SnsMessageHandler<?>> handlerKey) {
    bind(handlerKey.getTypeLiteral(), binder.getProvider(handlerKey));
  }

  /** Binds the key to an SNS handler calling {@code handler}, whose {@code @Inject} members are injected. */
  public void toInstance(SnsMessageHandler<?> handler) {
    binder.requestInjection(handler);
    bind(TypeLiteral.get(handler.getClass()), () -> handler);
  }

  private void bind(TypeLiteral<?> handlerType, Provider<? extends SnsMessageHandler<?>> handler) {
    if (bound) {
      throw new IllegalStateException("SNS handler '" + key + "' is already bound");
    }
    bound = true;
    Type messageType = TypeArguments.concrete(handlerType, SnsMessageHandler.class, 0);
    if (messageType == null) {
      binder.addError("SNS handler '%s': %s does not declare a concrete message type; implement"
          + " SnsMessageHandler<Message> in a class with a concrete type (not a lambda, a raw type or a type"
          + " variable)", key, handlerType);
      return;
    }
    Provider<Gson> gson = binder.getProvider(Gson.class);
    LambdaHandlers.bind(binder, key).toProvider(new Provider<LambdaHandler<?, ?>>() {
      @Override
      @SuppressWarnings("unchecked")
      public LambdaHandler<?, ?> get() {
        return new SnsEventHandler(key, (SnsMessageHandler<Object>) handler.get(),
            new MessageReader(messageType, gson.get()));
      }
    });
  }
}
