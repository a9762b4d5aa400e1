package dev.lambdaguice.samples.bookshop;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real AWS events from the shared events folder ({@code lambdaguice.sharedEvents}). */
final class Events {

  private static final Path DIR = Path.of(System.getProperty("lambdaguice.sharedEvents", "../../../shared/events"));

  /** The API Gateway HTTP API (payload format 2.0) events of the shared folder. */
  static final String[] HTTP_API = {"aws-lambda-go/apigw-v2-request-no-authorizer.json",
      "powertools-lambda-python/apiGatewayProxyV2Event.json", "aws-sam-cli/HttpApi.json",
      "aws-lambda-java-libs/apigw_http_event.json"};

  private Events() {}

  /** The event at {@code path} under the shared events folder, e.g. {@code aws-sam-cli/Sqs.json}. */
  static String read(String path) {
    try {
      return Files.readString(DIR.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException("shared event " + path + " not found under " + DIR.toAbsolutePath(), e);
    }
  }

  static JsonObject json(String path) {
    return JsonParser.parseString(read(path)).getAsJsonObject();
  }
}
