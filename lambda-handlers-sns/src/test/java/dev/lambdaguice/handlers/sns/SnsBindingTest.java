package dev.lambdaguice.handlers.sns;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import dev.lambdaguice.runtime.guice.LambdaContext;
import org.junit.jupiter.api.Test;

class SnsBindingTest {

  /** A handler whose message type is a type variable. */
  static class Generic<T> implements SnsMessageHandler<T> {
    @Override
    public void handle(T message, SnsMessage notification, LambdaContext context) {}
  }

  @Test
  void aHandlerWithoutAConcreteMessageTypeIsABindingErrorAtTheUsersLine() {
    CreationException error = assertThrows(CreationException.class, () -> Guice.createInjector(new AbstractModule() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      protected void configure() {
        SnsHandlers.bind(binder(), "generic").to((Class) Generic.class);
      }
    }));
    assertTrue(error.getMessage().contains("SNS handler 'generic': SnsBindingTest$Generic"
        + " does not declare a concrete message type"), error.getMessage());
    assertTrue(error.getMessage().contains("at SnsBindingTest$1.configure(SnsBindingTest.java:"),
        "at the user's line: " + error.getMessage());
  }

  @Test
  void aBlankKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SnsHandlers.bind(null, " "));
  }
}
