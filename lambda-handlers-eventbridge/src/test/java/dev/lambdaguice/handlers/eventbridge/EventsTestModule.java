package dev.lambdaguice.handlers.eventbridge;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.util.logging.Logger;

/**
 * Key {@code events} routes three kinds of event, each handler logging what it got; key {@code charge} is a Step
 * Functions task whose failures are exceptions of the application's own types.
 */
public final class EventsTestModule extends AbstractModule {

  /** The detail of an OrderPlaced event. */
  public record OrderPlaced(String orderId, String customerId, long totalCents) {}

  /** A domain failure a state machine's Retry/Catch matches by name. */
  public static final class PaymentDeclinedException extends Exception {
    private static final long serialVersionUID = 1L;

    public PaymentDeclinedException(String message) {
      super(message);
    }
  }

  private static final Logger LOG = Logger.getLogger("eventbridge.test");

  @Override
  protected void configure() {
    EventBridgeHandlers.route(binder(), "events", "com.example.orders", "OrderPlaced").to(OrderPlacedHandler.class);
    EventBridgeHandlers.route(binder(), "events", "aws.ec2", "EC2 Instance State-change Notification")
        .to(InstanceHandler.class);
    EventBridgeHandlers.route(binder(), "events", "aws.events", "Scheduled Event").to(ScheduleHandler.class);
    LambdaHandlers.bind(binder(), "charge").to(ChargeHandler.class);
  }

  static final class OrderPlacedHandler implements EventBridgeHandler<OrderPlaced> {
    @Override
    public void handle(OrderPlaced order, EventBridgeEvent event, LambdaContext context) {
      LOG.info("placed " + order + " | " + event.id() + " " + event.account() + " " + event.region() + " "
          + event.time() + " " + event.resources() + " version=" + event.version() + " replay=" + event.replayName());
    }
  }

  static final class InstanceHandler implements EventBridgeHandler<JsonObject> {
    @Override
    public void handle(JsonObject detail, EventBridgeEvent event, LambdaContext context) {
      LOG.info("instance " + detail.get("instance-id").getAsString() + " " + detail.get("state").getAsString()
          + " replay=" + event.replayName());
    }
  }

  static final class ScheduleHandler implements EventBridgeHandler<JsonElement> {
    @Override
    public void handle(JsonElement detail, EventBridgeEvent event, LambdaContext context) {
      LOG.info("scheduled by " + event.resources().get(0) + " detail=" + detail);
    }
  }

  /** A Step Functions task: {@code {"amountCents": n}}; over 10,000 is declined. */
  static final class ChargeHandler implements LambdaHandler<JsonObject, String> {
    @Override
    public String handle(JsonObject input, LambdaContext context) throws PaymentDeclinedException {
      long amount = input.get("amountCents").getAsLong();
      if (amount > 10_000) {
        throw new PaymentDeclinedException("declined: " + amount + " cents is over the limit");
      }
      return "charged";
    }
  }
}
