package dev.lambdaguice.handlers.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.lambdaguice.test.SharedEvents;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link SnsEvent} and {@link SnsMessage} against SNS samples from outside the repo (opt-in, {@link SharedEvents}). */
@Tag(SharedEvents.TAG)
class SharedSnsEventsTest {

  private static final List<String> SNS = List.of("aws-lambda-java-libs/sns_event.json",
      "aws-lambda-go/sns-event.json", "aws-sam-cli/Sns.json", "powertools-lambda-python/snsEvent.json");
  private static final List<String> SNS_THROUGH_SQS = List.of("powertools-lambda-python/snsSqsEvent.json",
      "powertools-lambda-python/snsSqsFifoEvent.json");

  private final Gson gson = new Gson();

  @BeforeAll
  static void folder() {
    SharedEvents.dir(); // fails the class at once when the folder is missing
  }

  @Test
  void everySnsSampleReadsWithItsNotification() {
    for (String file : SNS) {
      SnsEvent event = gson.fromJson(SharedEvents.read(file), SnsEvent.class);
      assertEquals(1, event.records().size(), file);
      SnsMessage notification = event.records().get(0).sns();
      assertNotNull(notification.messageId(), file);
      assertNotNull(notification.topicArn(), file);
      assertNotNull(notification.message(), file);
      assertNotNull(notification.signingCertUrl(), file);
      assertNotNull(notification.unsubscribeUrl(), file);
    }
  }

  @Test
  void everySnsEnvelopeInAnSqsBodyReadsAsAnSnsMessage() {
    for (String file : SNS_THROUGH_SQS) {
      for (JsonElement record : JsonParser.parseString(SharedEvents.read(file)).getAsJsonObject()
          .getAsJsonArray("Records")) {
        SnsMessage notification =
            gson.fromJson(record.getAsJsonObject().get("body").getAsString(), SnsMessage.class);
        assertEquals("Notification", notification.type(), file);
        assertNotNull(notification.message(), file);
        assertNotNull(notification.unsubscribeUrl(), "UnsubscribeURL, in capitals in an envelope: " + file);
        if (file.contains("Fifo")) {
          assertNotNull(notification.sequenceNumber(), "a FIFO topic numbers its messages: " + file);
        } else {
          assertNotNull(notification.signingCertUrl(), "SigningCertURL, in capitals in an envelope: " + file);
        }
      }
    }
  }
}
