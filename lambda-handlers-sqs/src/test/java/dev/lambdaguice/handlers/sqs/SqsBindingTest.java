package dev.lambdaguice.handlers.sqs;

import static dev.lambdaguice.handlers.sqs.EventFixtures.batch;
import static dev.lambdaguice.handlers.sqs.EventFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import dev.lambdaguice.test.CaptureLogs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SqsHandlers#bind}: what it binds, and the mistakes it reports at init. */
@CaptureLogs
class SqsBindingTest {

  /** A record handler whose body type is a type parameter. */
  static class GenericHandler<T> implements SqsRecordHandler<T> {
    @Override
    public void handle(T body, SqsMessage message, LambdaContext context) {
      if (!(body instanceof Order)) {
        throw new IllegalStateException("not an order");
      }
    }
  }

  /** A record handler with injected members. */
  static final class InjectedHandler implements SqsRecordHandler<String> {
    @Inject Gson gson;

    @Override
    public void handle(String body, SqsMessage message, LambdaContext context) {
      gson.toJson(body);
    }
  }

  private static Map<String, LambdaHandler<?, ?>> handlers(Module module) {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, module);
    return injector.getInstance(Key.get(new TypeLiteral<Map<String, LambdaHandler<?, ?>>>() {}));
  }

  private static List<String> failures(LambdaHandler<?, ?> handler, String event) throws Exception {
    return ((SqsBatchHandler) handler).handle(JsonParser.parseString(event), Contexts.next()).failedMessageIds();
  }

  private static String creationError(Module module) {
    return assertThrows(CreationException.class, () -> Guice.createInjector(module)).getMessage();
  }

  @Test
  void bindsABatchHandlerUnderTheKey() throws Exception {
    Map<String, LambdaHandler<?, ?>> handlers = handlers(new AbstractModule() {
      @Override
      protected void configure() {
        SqsHandlers.bind(binder(), "orders").to(OrderHandler.class);
        SqsHandlers.bind(binder(), "generic").to(new TypeLiteral<GenericHandler<Order>>() {});
        bind(new TypeLiteral<SqsRecordHandler<Order>>() {}).annotatedWith(Names.named("named"))
            .to(OrderHandler.class);
        SqsHandlers.bind(binder(), "by-key").to(Key.get(new TypeLiteral<SqsRecordHandler<Order>>() {},
            Names.named("named")));
      }
    });
    String event = batch(record("good", "{\"id\":1,\"name\":\"a\",\"price\":1}"), record("bad", "[]"));
    for (String key : List.of("orders", "generic", "by-key")) {
      assertEquals(List.of("bad"), failures(handlers.get(key), event), key);
    }
  }

  @Test
  void instancesGetTheirMembersInjected() throws Exception {
    InjectedHandler instance = new InjectedHandler();
    Map<String, LambdaHandler<?, ?>> handlers = handlers(new AbstractModule() {
      @Override
      protected void configure() {
        SqsHandlers.bind(binder(), "instance").toInstance(instance);
      }
    });
    assertNotNull(instance.gson);
    assertEquals(List.of(), failures(handlers.get("instance"), batch(record("a", "x"))));
  }

  @Test
  void aParallelHandlerStartsItsThreadsWhenItIsCreated() {
    Map<String, LambdaHandler<?, ?>> handlers = handlers(new AbstractModule() {
      @Override
      protected void configure() {
        SqsHandlers.bind(binder(), "started-at-init").parallelism(4).to(ScriptedHandler.class);
      }
    });
    assertNotNull(handlers.get("started-at-init"));
    List<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> name.startsWith("sqs-started-at-init-")).sorted().toList();
    assertEquals(List.of("sqs-started-at-init-1", "sqs-started-at-init-2", "sqs-started-at-init-3"), threads);
  }

  @Test
  void aRecordHandlerWithoutAConcreteBodyTypeFailsInit() {
    String lambda = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        SqsHandlers.bind(binder(), "lambda").toInstance((body, message, context) -> {});
      }
    });
    assertTrue(lambda.contains("SQS handler 'lambda'") && lambda.contains("does not declare a concrete body type"),
        lambda);
    assertTrue(lambda.contains("SqsBindingTest"), "the error names the module: " + lambda);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<? extends SqsRecordHandler<?>> raw = (Class) GenericHandler.class;
    String typeVariable = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        SqsHandlers.bind(binder(), "raw").to(raw);
      }
    });
    assertTrue(typeVariable.contains("SQS handler 'raw'") && typeVariable.contains("GenericHandler"), typeVariable);
  }

  @Test
  void bindingMistakes() {
    assertThrows(IllegalArgumentException.class, () -> SqsHandlers.bind(null, " "));
    assertThrows(IllegalArgumentException.class, () -> SqsHandlers.bind(null, null));
    String twice = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        SqsBindingBuilder builder = SqsHandlers.bind(binder(), "twice");
        builder.to(OrderHandler.class);
        builder.to(ScriptedHandler.class);
      }
    });
    assertTrue(twice.contains("SQS handler 'twice' is already bound"), twice);
    String duplicate = creationError(new AbstractModule() {
      @Override
      protected void configure() {
        SqsHandlers.bind(binder(), "orders").to(OrderHandler.class);
        LambdaHandlers.bind(binder(), "orders").toInstance((event, context) -> null);
      }
    });
    assertTrue(duplicate.contains("orders"), duplicate);
    for (int bad : new int[] {0, -1, SqsBindingBuilder.MAX_PARALLELISM + 1}) {
      String message = creationError(new AbstractModule() {
        @Override
        protected void configure() {
          SqsHandlers.bind(binder(), "p").parallelism(bad).to(OrderHandler.class);
        }
      });
      assertTrue(message.contains("parallelism must be between 1 and 64, not " + bad), message);
    }
  }
}
