package dev.lambdaguice.handlers.dynamodb;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import dev.lambdaguice.runtime.guice.LambdaContext;
import org.junit.jupiter.api.Test;

class DynamoDbBindingTest {

  /** A handler whose item type is a type variable. */
  static class Generic<T> implements DynamoDbRecordHandler<T> {
    @Override
    public void handle(DynamoDbChange<T> change, LambdaContext context) {}
  }

  @Test
  void aHandlerWithoutAConcreteItemTypeIsABindingErrorAtTheUsersLine() {
    CreationException error = assertThrows(CreationException.class, () -> Guice.createInjector(new AbstractModule() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      protected void configure() {
        DynamoDbHandlers.bind(binder(), "generic").to((Class) Generic.class);
      }
    }));
    assertTrue(error.getMessage().contains("DynamoDB handler 'generic': DynamoDbBindingTest$Generic"
        + " does not declare a concrete item type"), error.getMessage());
    assertTrue(error.getMessage().contains("at DynamoDbBindingTest$1.configure(DynamoDbBindingTest.java:"),
        "at the user's line: " + error.getMessage());
  }

  @Test
  void aBlankKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> DynamoDbHandlers.bind(null, " "));
  }
}
