package dev.lambdaguice.handlers.sns;

import com.google.gson.Gson;
import com.google.inject.AbstractModule;
import dev.lambdaguice.handlers.sqs.SqsHandlers;
import dev.lambdaguice.handlers.sqs.SqsMessage;
import dev.lambdaguice.handlers.sqs.SqsRecordHandler;
import dev.lambdaguice.runtime.guice.LambdaContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Test keys, each logging what it got (tests read the invocation's log lines): {@code orders} (typed),
 * {@code alerts} (text; fails on a message starting with {@code fail}), {@code sqs-envelope} (SNS through SQS,
 * raw delivery off: {@code SqsRecordHandler<SnsMessage>}), {@code sqs-raw} (raw delivery on: the order itself).
 */
public final class SnsTestModule extends AbstractModule {

  /** An order as published. */
  public record Order(long id, String customer, List<String> items) {}

  private static final Logger LOG = Logger.getLogger("sns.test");

  @Override
  protected void configure() {
    SnsHandlers.bind(binder(), "orders").to(OrderHandler.class);
    SnsHandlers.bind(binder(), "alerts").to(AlertHandler.class);
    SqsHandlers.bind(binder(), "sqs-envelope").to(EnvelopeHandler.class);
    SqsHandlers.bind(binder(), "sqs-raw").to(RawOrderHandler.class);
  }

  static final class OrderHandler implements SnsMessageHandler<Order> {
    @Override
    public void handle(Order order, SnsMessage notification, LambdaContext context) {
      LOG.info("order " + order.id() + " for " + order.customer() + " " + order.items()
          + " | " + notification.type() + " " + notification.messageId() + " " + notification.topicArn()
          + " subject=" + notification.subject() + " at " + notification.timestamp()
          + " priority=" + notification.attribute("priority") + " weight=" + notification.attribute("weight")
          + " blob=" + notification.messageAttributes().get("blob")
          + " signed=" + notification.signatureVersion() + "/" + notification.signature().length()
          + " cert=" + notification.signingCertUrl() + " unsubscribe=" + notification.unsubscribeUrl());
    }
  }

  static final class AlertHandler implements SnsMessageHandler<String> {
    @Override
    public void handle(String alert, SnsMessage notification, LambdaContext context) {
      if (alert.startsWith("fail")) {
        throw new IllegalStateException("the pager is down");
      }
      LOG.info("alert [" + alert + "] " + notification.messageId() + " subject=" + notification.subject()
          + " attributes=" + notification.messageAttributes());
    }
  }

  static final class EnvelopeHandler implements SqsRecordHandler<SnsMessage> {
    private final Gson gson;

    @Inject
    EnvelopeHandler(Gson gson) {
      this.gson = gson;
    }

    @Override
    public void handle(SnsMessage notification, SqsMessage message, LambdaContext context) {
      Order order = gson.fromJson(notification.message(), Order.class);
      LOG.info("enveloped order " + order.id() + " for " + order.customer() + " via " + message.messageId() + " | "
          + notification.messageId() + " " + notification.topicArn() + " priority=" + notification.attribute("priority")
          + " cert=" + notification.signingCertUrl() + " unsubscribe=" + notification.unsubscribeUrl()
          + " seq=" + notification.sequenceNumber());
    }
  }

  static final class RawOrderHandler implements SqsRecordHandler<Order> {
    @Override
    public void handle(Order order, SqsMessage message, LambdaContext context) {
      LOG.info("raw order " + order.id() + " for " + order.customer() + " priority="
          + message.messageAttributes().get("priority").stringValue());
    }
  }
}
