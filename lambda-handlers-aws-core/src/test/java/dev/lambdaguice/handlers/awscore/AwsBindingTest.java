package dev.lambdaguice.handlers.awscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.lambdaguice.handlers.awscore.fixtures.ShoutHandler;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.runtime.guice.spi.JsonEventHandler;
import dev.lambdaguice.test.CaptureLogs;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AwsHandlers#bind}: what it binds, and the mistakes it reports at the user's {@code bind} line. */
@CaptureLogs
class AwsBindingTest {

  /** Neither AWS interface. */
  static final class NotAHandler {}

  /** A lambda-guice handler, bound with the wrong helper. */
  static final class NativeHandler implements LambdaHandler<String, String> {
    @Override
    public String handle(String event, LambdaContext context) {
      return event;
    }
  }

  /** A raw {@code RequestHandler}. */
  @SuppressWarnings("rawtypes")
  static final class RawHandler implements RequestHandler {
    @Override
    public Object handleRequest(Object input, Context context) {
      return input;
    }
  }

  /** Its event type is a type parameter. */
  static class GenericHandler<T> implements RequestHandler<T, String> {
    @Override
    public String handleRequest(T input, Context context) {
      return String.valueOf(input);
    }
  }

  /** Both interfaces: served as a stream handler, as AWS's runtime does. */
  static final class BothHandler implements RequestHandler<String, String>, RequestStreamHandler {
    @Override
    public String handleRequest(String input, Context context) {
      return input;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {}
  }

  private static Map<String, LambdaHandler<?, ?>> handlers(Module module) {
    return Guice.createInjector(Stage.PRODUCTION, module)
        .getInstance(Key.get(new TypeLiteral<Map<String, LambdaHandler<?, ?>>>() {}));
  }

  private static String creationError(Module module) {
    return assertThrows(CreationException.class, () -> Guice.createInjector(module)).getMessage();
  }

  @Test
  void bindsAnAdapterUnderTheKey() {
    Map<String, LambdaHandler<?, ?>> handlers = handlers(new AbstractModule() {
      @Override
      protected void configure() {
        AwsHandlers.bind(binder(), "shout").to(ShoutHandler.class);
        AwsHandlers.bind(binder(), "generic").to(new TypeLiteral<GenericHandler<List<Integer>>>() {});
        AwsHandlers.bind(binder(), "both").to(BothHandler.class);
      }
    });
    assertEquals(String.class, ((JsonEventHandler<?>) handlers.get("shout")).eventType());
    assertEquals(new TypeLiteral<List<Integer>>() {}.getType(),
        ((JsonEventHandler<?>) handlers.get("generic")).eventType(), "a TypeLiteral gives the type arguments");
    assertTrue(handlers.get("both") instanceof StreamHandlerAdapter, "both interfaces: the stream one wins");
  }

  @Test
  void aClassThatIsNoAwsHandlerFailsAtTheBindLine() {
    String message = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        AwsHandlers.bind(binder(), "nothing").to(NotAHandler.class);
      }
    });
    assertTrue(message.contains("AWS handler 'nothing'") && message.contains("NotAHandler")
        && message.contains("implements neither RequestHandler nor RequestStreamHandler; implement one of them"),
        message); // Guice shortens class names in messages, with a legend below
    assertTrue(message.contains("AwsBindingTest"), "the error names the user's module: " + message);
    assertTrue(!message.contains("AwsBindingBuilder.java"), "not the builder's own line: " + message);

    String wrongHelper = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        AwsHandlers.bind(binder(), "native").to(NativeHandler.class);
      }
    });
    assertTrue(wrongHelper.contains("or bind this LambdaHandler with LambdaHandlers.bind(binder(), \"native\")"),
        wrongHelper);
  }

  @Test
  void aRequestHandlerWithoutConcreteTypeArgumentsFailsAtTheBindLine() {
    for (Class<?> type : List.of(RawHandler.class, GenericHandler.class)) {
      String message = creationError(new AbstractModule() {
        @Override
        protected void configure() {
          AwsHandlers.bind(binder(), "untyped").to(type);
        }
      });
      assertTrue(message.contains("AWS handler 'untyped'") && message.contains(type.getSimpleName())
          && message.contains("implements RequestHandler without concrete type arguments; implement"
              + " RequestHandler<Event, Result> with concrete types in the class"), message);
      assertTrue(message.contains("AwsBindingTest"), message);
    }
  }

  @Test
  void everyMistakeIsReportedAtOnce() {
    String message = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        AwsHandlers.bind(binder(), "a").to(NotAHandler.class);
        AwsHandlers.bind(binder(), "b").to(RawHandler.class);
      }
    });
    assertTrue(message.contains("AWS handler 'a'") && message.contains("AWS handler 'b'"), message);
  }

  @Test
  void bindingMistakesOfTheCaller() {
    assertThrows(IllegalArgumentException.class, () -> AwsHandlers.bind(null, " "));
    assertThrows(IllegalArgumentException.class, () -> AwsHandlers.bind(null, null));
    String twice = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        AwsBindingBuilder builder = AwsHandlers.bind(binder(), "twice");
        builder.to(ShoutHandler.class);
        builder.to(ShoutHandler.class);
      }
    });
    assertTrue(twice.contains("AWS handler 'twice' is already bound"), twice);
    String duplicate = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        AwsHandlers.bind(binder(), "shout").to(ShoutHandler.class);
        LambdaHandlers.bind(binder(), "shout").to(NativeHandler.class);
      }
    });
    assertTrue(duplicate.contains("shout"), duplicate);
  }
}
