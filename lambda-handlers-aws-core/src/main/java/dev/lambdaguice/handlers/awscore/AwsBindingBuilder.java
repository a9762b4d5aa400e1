package dev.lambdaguice.handlers.awscore;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.runtime.guice.TypeArguments;
import java.lang.reflect.Type;

/**
 * Binds the AWS handler of one key; see {@link AwsHandlers#bind}. End with one {@code to} method. A class that is
 * neither a {@code RequestHandler} nor a {@code RequestStreamHandler}, or a {@code RequestHandler} without concrete
 * type arguments, is a binding error reported at the {@code bind} call. A class that implements both interfaces is
 * served as a {@code RequestStreamHandler}, as AWS's runtime does.
 */
public final class AwsBindingBuilder {

  private final Binder binder;
  private final String key;
  private boolean bound;

  AwsBindingBuilder(Binder binder, String key) {
    this.binder = binder;
    this.key = key;
  }

  /** Binds the key to the AWS handler class {@code type}, created by the injector. */
  public void to(Class<?> type) {
    to(Key.get(type));
  }

  /** Binds the key to the AWS handler of the generic type {@code type}, created by the injector. */
  public void to(TypeLiteral<?> type) {
    to(Key.get(type));
  }

  /** Binds the key to the AWS handler bound under {@code handlerKey}. */
  public void to(Key<?> handlerKey) {
    if (bound) {
      throw new IllegalStateException("AWS handler '" + key + "' is already bound");
    }
    bound = true;
    TypeLiteral<?> type = handlerKey.getTypeLiteral();
    Class<?> raw = type.getRawType();
    if (RequestStreamHandler.class.isAssignableFrom(raw)) {
      LambdaHandlers.bind(binder, key).toProvider(AwsHandlerProvider.stream(raw, binder.getProvider(handlerKey)));
    } else if (RequestHandler.class.isAssignableFrom(raw)) {
      Type event = TypeArguments.concrete(type, RequestHandler.class, 0);
      Type result = TypeArguments.concrete(type, RequestHandler.class, 1);
      if (event == null || result == null) {
        binder.addError("AWS handler '%s': %s implements RequestHandler without concrete type arguments; implement"
            + " RequestHandler<Event, Result> with concrete types in the class, for example RequestHandler<Order,"
            + " Receipt> or RequestHandler<Map<String, Object>, String> (not a raw type, a type variable or a"
            + " wildcard), or bind a TypeLiteral that gives them", key, type);
        return;
      }
      LambdaHandlers.bind(binder, key).toProvider(
          AwsHandlerProvider.request(raw, event, binder.getProvider(handlerKey)));
    } else {
      binder.addError("AWS handler '%s': %s implements neither com.amazonaws.services.lambda.runtime.RequestHandler"
          + " nor RequestStreamHandler; implement one of them%s", key, type,
          LambdaHandler.class.isAssignableFrom(raw)
              ? ", or bind this LambdaHandler with LambdaHandlers.bind(binder(), \"" + key + "\")" : "");
    }
  }
}
