package dev.lambdaguice.handlers.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import dev.lambdaguice.test.Events;
import dev.lambdaguice.test.Invocation;
import dev.lambdaguice.test.LambdaClient;
import dev.lambdaguice.test.LambdaTest;
import org.junit.jupiter.api.Test;

/** EventBridge routing and Step Functions error types through the real runtime; fixtures in resources/events. */
@LambdaTest(modules = EventsTestModule.class)
class EventBridgeEndToEndTest {

  @Test
  void eachEventReachesTheRouteOfItsSourceAndDetailTypeWithItsDetailTyped(LambdaClient lambda) {
    Invocation placed = lambda.invokeEvent("events", "eventbridge-order-placed.json");
    assertEquals("null", placed.assertSuccess().body());
    assertTrue(placed.logged("placed OrderPlaced[orderId=o-42, customerId=c-1, totalCents=8998] |"
        + " 0d079340-135a-c8c6-95c2-41fb8f496c53 123456789012 eu-west-1 2026-11-30T12:00:00Z"
        + " [arn:aws:dynamodb:eu-west-1:123456789012:table/orders] version=0 replay=null"), placed.logs().toString());
    assertTrue(lambda.invokeEvent("events", "eventbridge-ec2-state-change.json").assertSuccess()
        .logged("instance i-1234567890abcdef0 terminated replay=replay_archive"));
    assertTrue(lambda.invokeEvent("events", "eventbridge-scheduled.json").assertSuccess()
        .logged("scheduled by arn:aws:events:eu-west-1:123456789012:rule/nightly-report detail={}"));
  }

  @Test
  void anEventNoRouteMatchesNamesTheRoutesThereAre(LambdaClient lambda) {
    JsonObject event = JsonParser.parseString(Events.read("eventbridge-order-placed.json")).getAsJsonObject();
    event.addProperty("detail-type", "OrderShipped");
    Invocation result = lambda.invoke("events", event);
    assertTrue(result.body().contains("UnroutedEventException"), result.body());
    assertEquals("Handler 'events' has no route for source 'com.example.orders', detail-type 'OrderShipped'; it"
        + " routes source 'aws.ec2', detail-type 'EC2 Instance State-change Notification'; source 'aws.events',"
        + " detail-type 'Scheduled Event'; source 'com.example.orders', detail-type 'OrderPlaced'",
        result.errorMessage());
    assertEquals("The event of handler 'events' is not an EventBridge event: it has no source or detail-type",
        lambda.invoke("events", "{\"Records\":[]}").errorMessage());
  }

  @Test
  void aDetailThatDoesNotFitIsNamedWithoutQuotingIt(LambdaClient lambda) {
    JsonObject event = JsonParser.parseString(Events.read("eventbridge-order-placed.json")).getAsJsonObject();
    event.getAsJsonObject("detail").addProperty("totalCents", "secret-not-a-number");
    Invocation result = lambda.invoke("events", event);
    assertTrue(result.body().contains("UnreadableDetailException"), result.body());
    assertTrue(result.errorMessage().startsWith("EventBridge event 0d079340-135a-c8c6-95c2-41fb8f496c53 (source"
        + " 'com.example.orders', detail-type 'OrderPlaced') has a detail that does not fit"), result.errorMessage());
    assertFalse(result.body().contains("secret"), result.body());
  }

  @Test
  void aStepFunctionsTaskFailsWithTheApplicationsExceptionAsErrorType(LambdaClient lambda) {
    assertEquals("\"charged\"", lambda.invoke("charge", "{\"amountCents\": 500}").assertSuccess().body());
    Invocation declined = lambda.invoke("charge", "{\"amountCents\": 50000}");
    declined.assertError("Runtime.UserException");
    JsonObject error = JsonParser.parseString(declined.body()).getAsJsonObject();
    assertEquals("dev.lambdaguice.handlers.eventbridge.EventsTestModule$PaymentDeclinedException",
        error.get("errorType").getAsString(), "what a state machine's ErrorEquals matches");
    assertEquals("declined: 50000 cents is over the limit", error.get("errorMessage").getAsString());
  }

  @Test
  void twoRoutesForOneSourceAndDetailTypeFailInit() {
    CreationException error = assertThrows(CreationException.class, () -> Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        EventBridgeHandlers.route(binder(), "k", "s", "d").to(EventsTestModule.InstanceHandler.class);
        EventBridgeHandlers.route(binder(), "k", "s", "d").to(EventsTestModule.ScheduleHandler.class);
      }
    }).getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<java.util.Map<String,
        dev.lambdaguice.runtime.guice.LambdaHandler<?, ?>>>() {})));
    assertTrue(error.getMessage().contains("source 's', detail-type 'd'"), error.getMessage());
  }
}
