package dev.lambdaguice.handlers.servicecall;

import static dev.lambdaguice.handlers.servicecall.Fixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exposing services, and what fails injector creation. */
class ServiceCallsTest {

  private static Module exposing(Class<?> type, String alias) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        if (alias == null) {
          ServiceCalls.expose(binder(), type);
        } else {
          ServiceCalls.expose(binder(), type, alias);
        }
      }
    };
  }

  /** The errors' own messages, and their causes': Guice shortens class names in the exception's message. */
  private static String creationError(Module... modules) {
    CreationException e = assertThrows(CreationException.class, () -> Fixtures.injector(modules));
    StringBuilder messages = new StringBuilder();
    for (Message message : e.getErrorMessages()) {
      messages.append(message.getMessage()).append('\n');
      if (message.getCause() != null) {
        messages.append(message.getCause().getMessage()).append('\n');
      }
    }
    return messages.toString();
  }

  @Test
  void aNonPublicTypeCannotBeExposed() {
    String message = creationError(new ServiceCallModule(), exposing(HiddenService.class, null));
    assertTrue(message.contains("ServiceCalls.expose: " + HiddenService.class.getName() + " cannot be exposed because"
        + " it is not public"), message);
    String nested = creationError(new ServiceCallModule(), exposing(HiddenService.Inner.class, null));
    assertTrue(nested.contains("because its enclosing " + HiddenService.class.getName() + " is not public"), nested);
  }

  @Test
  void primitivesArraysAndBlankAliasesAreRejected() {
    assertTrue(creationError(exposing(int.class, null)).contains("int is not a service type"));
    assertTrue(creationError(exposing(String[].class, null)).contains("java.lang.String[] is not a service type"));
    assertTrue(creationError(exposing(Counter.class, " ")).contains("must be non-blank, without surrounding spaces"));
    assertTrue(creationError(exposing(Counter.class, "c ")).contains("must be non-blank, without surrounding spaces"));
  }

  @Test
  void aNameClaimedForTwoTypesFailsInitNamingBoth() {
    String message = creationError(new ServiceCallModule(), exposing(Calculator.class, "svc"),
        exposing(Counter.class, "svc"));
    assertTrue(message.contains("The service name 'svc' is claimed by two exposed services: "
        + Calculator.class.getName() + " as 'svc' (exposed at " + ServiceCallsTest.class.getName() + "$1.configure("
        + "ServiceCallsTest.java:"), message);
    assertTrue(message.contains(" and " + Counter.class.getName() + " as 'svc' (exposed at "
        + ServiceCallsTest.class.getName() + "$1.configure(ServiceCallsTest.java:"), message);
    assertTrue(message.contains("Give each a name of its own"), message);
  }

  @Test
  void anAliasThatIsAnotherExposedTypesNameIsAConflict() {
    String message = creationError(new ServiceCallModule(), exposing(Calculator.class, null),
        exposing(Counter.class, Calculator.class.getName()));
    assertTrue(message.contains("The service name '" + Calculator.class.getName() + "' is claimed by two"), message);
  }

  @Test
  void exposingOneTypeTwiceIsHarmless() throws Exception {
    Injector injector = Fixtures.injector(new ServiceCallModule(), exposing(Counter.class, "c"),
        exposing(Counter.class, "c"), exposing(Counter.class, "tally"), exposing(Counter.class, null));
    ServiceDispatcher dispatcher = injector.getInstance(ServiceDispatcher.class);
    assertEquals(1, dispatcher.dispatch(call("c", "increment")));
    assertEquals(2, dispatcher.dispatch(call("tally", "increment")));
    assertEquals(3, dispatcher.dispatch(call(Counter.class.getName(), "increment")));
    assertTrue(dispatcher.service("c") == dispatcher.service("tally"), "one index per type");
  }

  @Test
  void theModuleInstalledTwiceIsInstalledOnce() {
    assertEquals(new ServiceCallModule(), new ServiceCallModule());
    assertEquals(new ServiceCallModule().hashCode(), new ServiceCallModule().hashCode());
    assertNotEquals(new ServiceCallModule(), new TestServicesModule());
    assertEquals(Elements.getElements(new ServiceCallModule()).size(),
        Elements.getElements(new ServiceCallModule(), new ServiceCallModule()).size(), "configured once");
    Module alsoInstalling = new AbstractModule() {
      @Override
      protected void configure() {
        install(new ServiceCallModule());
      }
    };
    Injector injector = Fixtures.injector(new ServiceCallModule(), new TestServicesModule(), alsoInstalling);
    Map<String, LambdaHandler<?, ?>> handlers = injector.getInstance(Key.get(new TypeLiteral<>() {}));
    assertEquals(Map.of(ServiceCallModule.KEY, handlers.get("service-call")), handlers);
    assertTrue(handlers.get("service-call") instanceof ServiceCallHandler);
  }

  @Test
  void anApplicationThatExposesNothingStarts() {
    ServiceDispatcher dispatcher = Fixtures.injector(new ServiceCallModule()).getInstance(ServiceDispatcher.class);
    String message = assertThrows(UnknownServiceException.class,
        () -> dispatcher.dispatch(call("java.lang.Runtime", "exit", "0"))).getMessage();
    assertEquals("No service named 'java.lang.Runtime' is exposed; exposed are: none. The application exposes"
        + " services with ServiceCalls.expose", message);
  }

  @Test
  void anExposedTypeTheInjectorCannotProvideFailsInit() {
    String message = creationError(new ServiceCallModule(), exposing(UnboundService.class, null));
    assertTrue(message.contains(UnboundService.class.getName()), message);
  }
}
