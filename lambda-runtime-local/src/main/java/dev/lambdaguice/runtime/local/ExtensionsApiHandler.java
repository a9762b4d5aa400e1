package dev.lambdaguice.runtime.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server side of the Extensions API, {@code /2020-01-01/extension/...}, as far as an internal extension uses
 * it: {@code POST register} (validated as the platform does) and {@code GET event/next} (marks the extension
 * ready; delivers no event). Every local registration is an internal extension's: there is no {@code
 * /opt/extensions} here.
 */
final class ExtensionsApiHandler implements SocketServer.Handler {

  static final String PREFIX = "/2020-01-01/extension/";
  static final String NAME = "Lambda-Extension-Name";
  static final String IDENTIFIER = "Lambda-Extension-Identifier";

  private final Extensions extensions;
  private final Faults faults;
  private final RequestLog log;
  private final String functionName;

  ExtensionsApiHandler(Extensions extensions, Faults faults, RequestLog log, String functionName) {
    this.extensions = extensions;
    this.faults = faults;
    this.log = log;
    this.functionName = functionName;
  }

  @Override
  public boolean handle(HttpRequest request, HttpConnection connection) throws IOException {
    String rest = request.path().substring(PREFIX.length());
    Endpoint endpoint = rest.equals("register") && request.method().equals("POST") ? Endpoint.EXTENSION_REGISTER
        : rest.equals("event/next") && request.method().equals("GET") ? Endpoint.EXTENSION_NEXT : null;
    if (log.enabled()) {
      log.add(new RecordedRequest(endpoint, request.method(), request.path(), null, request.headers(),
          request.bodyLength()));
    }
    if (endpoint == null) {
      return Router.notFound(request, connection);
    }
    Fault fault = faults.next(endpoint);
    if (fault instanceof Fault.Delay delay) {
      try {
        Thread.sleep(delay.duration().toMillis());
      } catch (InterruptedException e) {
        return false;
      }
    } else if (fault instanceof Fault.Status status) {
      return forbidden(connection, status.code(), status.errorType(), "injected fault: HTTP " + status.code());
    } else if (fault instanceof Fault.Drop) {
      return false;
    }
    return endpoint == Endpoint.EXTENSION_REGISTER ? register(request, connection) : next(request, connection);
  }

  private boolean register(HttpRequest request, HttpConnection connection) throws IOException {
    String name = request.header(NAME);
    if (name == null || name.isBlank()) {
      return forbidden(connection, 403, "Extension.InvalidExtensionName", "Empty extension name");
    }
    List<String> events = new ArrayList<>();
    String problem = events(request, events);
    if (problem != null) {
      return forbidden(connection, 403, "InvalidRequestFormat", problem);
    }
    for (String event : events) {
      if (event.equals("SHUTDOWN")) {
        return forbidden(connection, 403, "Extension.InvalidEventType",
            "SHUTDOWN: internal extensions cannot subscribe to SHUTDOWN (the runtime gets SIGTERM instead)");
      }
      if (!event.equals("INVOKE")) {
        return forbidden(connection, 403, "Extension.InvalidEventType", event + ": not an event type");
      }
    }
    Extensions.Answer answer = extensions.register(name, events);
    if (answer instanceof Extensions.Refusal refusal) {
      return forbidden(connection, 403, refusal.errorType(), refusal.message());
    }
    ExtensionRegistration registration = ((Extensions.Accepted) answer).registration();
    JsonObject body = new JsonObject();
    body.addProperty("functionName", functionName);
    body.addProperty("functionVersion", "$LATEST");
    connection.write(HttpResponse.json(200, body.toString().getBytes(StandardCharsets.UTF_8))
        .header(IDENTIFIER, registration.identifier()));
    return true;
  }

  /** Reads {@code {"events": [...]}} into {@code events}; returns what is wrong with the body, or null. */
  private static String events(HttpRequest request, List<String> events) {
    JsonElement json;
    try {
      json = JsonParser.parseString(new String(request.body(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return "the body is not JSON";
    }
    if (!json.isJsonObject()) {
      return "the body is not a JSON object";
    }
    for (Map.Entry<String, JsonElement> field : json.getAsJsonObject().entrySet()) {
      if (field.getKey().equals("configurationKeys")) {
        return "configurationKeys are deprecated; use environment variables instead";
      }
      if (!field.getKey().equals("events")) {
        continue;
      }
      if (field.getValue().isJsonNull()) {
        continue;
      }
      if (!field.getValue().isJsonArray()) {
        return "events is not an array";
      }
      for (JsonElement event : field.getValue().getAsJsonArray()) {
        if (!event.isJsonPrimitive() || !event.getAsJsonPrimitive().isString()) {
          return "events holds something else than event names";
        }
        events.add(event.getAsString());
      }
    }
    return null;
  }

  private boolean next(HttpRequest request, HttpConnection connection) throws IOException {
    String identifier = request.header(IDENTIFIER);
    if (identifier == null || identifier.isBlank()) {
      return forbidden(connection, 403, "Extension.MissingExtensionIdentifier", "Missing " + IDENTIFIER + " header");
    }
    try {
      UUID.fromString(identifier.trim());
    } catch (IllegalArgumentException e) {
      return forbidden(connection, 403, "Extension.InvalidExtensionIdentifier", "Invalid extension identifier");
    }
    if (extensions.ready(identifier.trim()).isEmpty()) {
      return forbidden(connection, 403, "Extension.UnknownExtensionIdentifier", "Unknown extension " + identifier);
    }
    try {
      extensions.awaitEvent();
    } catch (InterruptedException e) {
      return false;
    }
    return false; // the runtime was replaced: end this long poll with the connection
  }

  private static boolean forbidden(HttpConnection connection, int status, String errorType, String message)
      throws IOException {
    connection.write(HttpResponse.json(status, ErrorJson.of(errorType, message)));
    return true;
  }
}
