package dev.lambdaguice.runtime.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;

/** The platform's error bodies, {@code {"errorMessage": ..., "errorType": ...}}. */
final class ErrorJson {

  private ErrorJson() {}

  static byte[] of(String errorType, String errorMessage) {
    JsonObject json = new JsonObject();
    json.addProperty("errorMessage", errorMessage);
    json.addProperty("errorType", errorType);
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code errorMessage} of an error body, or null when the body is not such a JSON object. */
  static String errorMessage(String body) {
    try {
      JsonElement json = JsonParser.parseString(body);
      if (json.isJsonObject()) {
        JsonElement message = json.getAsJsonObject().get("errorMessage");
        if (message != null && message.isJsonPrimitive()) {
          return message.getAsString();
        }
      }
    } catch (RuntimeException e) {
      // not JSON
    }
    return null;
  }
}
