package dev.lambdaguice.handlers.kinesis;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import dev.lambdaguice.runtime.guice.LambdaContext;
import org.junit.jupiter.api.Test;

class KinesisBindingTest {

  /** A handler whose data type is a type variable. */
  static class Generic<T> implements KinesisRecordHandler<T> {
    @Override
    public void handle(T data, KinesisRecord record, LambdaContext context) {}
  }

  @Test
  void aHandlerWithoutAConcreteDataTypeIsABindingErrorAtTheUsersLine() {
    CreationException error = assertThrows(CreationException.class, () -> Guice.createInjector(new AbstractModule() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      protected void configure() {
        KinesisHandlers.bind(binder(), "generic").to((Class) Generic.class);
      }
    }));
    assertTrue(error.getMessage().contains("Kinesis handler 'generic': KinesisBindingTest$Generic"
        + " does not declare a concrete data type"), error.getMessage());
    assertTrue(error.getMessage().contains("at KinesisBindingTest$1.configure(KinesisBindingTest.java:"),
        "at the user's line: " + error.getMessage());
  }

  @Test
  void aBlankKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> KinesisHandlers.bind(null, " "));
  }
}
