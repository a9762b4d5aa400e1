package dev.lambdaguice.handlers.sns;

import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The handler bound under an SNS key: checks the event is an SNS event, then reads each record's message and calls
 * the message handler, in record order. The first failure fails the invocation, so SNS's delivery is retried.
 */
final class SnsEventHandler implements LambdaHandler<SnsEvent, Void> {

  private static final Logger LOG = Logger.getLogger(SnsEventHandler.class.getPackageName());

  private final String key;
  private final SnsMessageHandler<Object> handler;
  private final MessageReader reader;

  SnsEventHandler(String key, SnsMessageHandler<Object> handler, MessageReader reader) {
    this.key = key;
    this.handler = handler;
    this.reader = reader;
  }

  @Override
  public Void handle(SnsEvent event, LambdaContext context) throws Exception {
    if (event == null || event.records().isEmpty()) {
      throw new InvalidSnsEventException("The event of handler '" + key + "' is not an SNS event: it has no"
          + " Records");
    }
    for (int i = 0; i < event.records().size(); i++) {
      SnsRecord record = event.records().get(i);
      if (record == null || record.sns() == null) {
        throw new InvalidSnsEventException("Record " + i + " of the event of handler '" + key + "' has no Sns"
            + " notification: not an SNS event");
      }
      SnsMessage notification = record.sns();
      String describe = "SNS message " + notification.messageId() + " of " + notification.topicArn();
      Object message = reader.read(notification.message(), describe);
      try {
        handler.handle(message, notification, context);
      } catch (Exception e) {
        LOG.log(Level.WARNING, describe + " failed in handler '" + key + "'; the delivery fails, and SNS retries it");
        throw e;
      }
    }
    return null;
  }
}
